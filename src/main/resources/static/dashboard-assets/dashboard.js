// The dashboard's few behaviours, kept in this file rather than inline in the pages: the
// Content-Security-Policy allows scripts from the site's own files only ('self', no
// 'unsafe-inline'), so an injected <script> or onclick= in a page cannot run.
(function () {
  'use strict';

  // A form with data-confirm asks before it posts (deleting things).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // Quick status: saving happens when a status is picked; the button stays for keyboards
  // without script.
  document.querySelectorAll('.status-switch select').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });

  // Drag to reorder: the hidden ids follow the rows, and the form posts them in their new
  // order.
  document.querySelectorAll('.sortable').forEach(function (list) {
    var dragged = null;
    list.addEventListener('dragstart', function (event) { dragged = event.target.closest('li'); });
    list.addEventListener('dragover', function (event) {
      event.preventDefault();
      var over = event.target.closest('li');
      if (!dragged || !over || over === dragged) { return; }
      var after = event.clientY > over.getBoundingClientRect().top + over.offsetHeight / 2;
      list.insertBefore(dragged, after ? over.nextSibling : over);
    });
  });
})();
