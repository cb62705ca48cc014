(function () {
  var script = document.currentScript;
  if (!script) { return; }
  var origin = new URL(script.src).origin;
  var frame = document.createElement('iframe');
  frame.src = origin + '/embed';
  frame.title = 'Service status';
  frame.style.cssText = 'border:0;width:' + (script.dataset.width || '320px') + ';height:' + (script.dataset.height || '72px') + ';';
  frame.loading = 'lazy';
  script.parentNode.insertBefore(frame, script);
})();
