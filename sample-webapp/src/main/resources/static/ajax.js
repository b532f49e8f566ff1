// Fetches the shop's counts from /api/stats and shows them; the button fetches them again.
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
    fetch(section.getAttribute('data-url'), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(show)
      .catch(function (error) { showError(error.message); });
  }

  button.addEventListener('click', load);
  load();
})();
