// Asks /api/stats for the shop's counts and shows them; the button asks again. Uses XMLHttpRequest, which
// every browser (and HtmlUnit, which the tests drive) has; the debug toolbar lists each call in History.
(function () {
  'use strict';

  var section = document.getElementById('stats');
  var button = document.getElementById('reload-stats');

  function replaceContent(node) {
    section.textContent = '';
    section.appendChild(node);
  }

  function show(stats) {
    var list = document.createElement('dl');
    Object.keys(stats).forEach(function (name) {
      var term = document.createElement('dt');
      term.textContent = name;
      var value = document.createElement('dd');
      value.textContent = String(stats[name]);
      list.appendChild(term);
      list.appendChild(value);
    });
    replaceContent(list);
  }

  function showError(message) {
    var paragraph = document.createElement('p');
    paragraph.className = 'stats__status stats__status--error';
    paragraph.textContent = 'Could not load the statistics: ' + message;
    replaceContent(paragraph);
  }

  function load() {
    var request = new XMLHttpRequest();
    request.open('GET', section.getAttribute('data-url'));
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    request.onload = function () {
      if (request.status < 200 || request.status >= 300) {
        showError('HTTP ' + request.status);
        return;
      }
      try {
        show(JSON.parse(request.responseText));
      } catch (error) {
        showError(error.message);
      }
    };
    request.onerror = function () { showError('the server could not be reached'); };
    request.send();
  }

  button.addEventListener('click', load);
  load();
})();
