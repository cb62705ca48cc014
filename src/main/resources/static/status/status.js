// Progressive enhancement of the status page: the page is complete without this script
// (every chart is drawn on the server, the default view shown); with it, each metric gets a
// view switch between the charts already in the page.
(function () {
  'use strict';
  document.querySelectorAll('.metric').forEach(function (metric) {
    var select = metric.querySelector('.metric-view');
    if (!select) { return; }
    select.closest('.view-select').hidden = false;
    select.addEventListener('change', function () {
      metric.querySelectorAll('.chart-view').forEach(function (view) {
        view.hidden = view.getAttribute('data-period') !== select.value;
      });
    });
  });
})();
