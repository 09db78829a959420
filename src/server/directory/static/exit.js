// Quick exit for the public directory: the "Leave now" link, Esc, or Shift pressed three times
// blank the page and replace it (location.replace) with a neutral site, so that "Back" does not
// return here. Without JavaScript the link still works, as a plain link.
(() => {
  var link = document.getElementById('exit');
  if (!link) return;
  var target = link.href;
  var leaving = false;
  function leave() {
    if (leaving) return;
    leaving = true;
    try {
      document.title = '';
      document.body.innerHTML = '';
      document.documentElement.style.background = '#fff';
    } catch (_e) {
      // nothing to blank: leave anyway
    }
    window.location.replace(target);
  }
  link.addEventListener('click', (event) => {
    event.preventDefault();
    leave();
  });
  var shifts = 0;
  var timer = 0;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' || event.key === 'Esc') {
      leave();
      return;
    }
    if (event.key !== 'Shift') {
      shifts = 0;
      return;
    }
    if (event.repeat) return;
    shifts += 1;
    clearTimeout(timer);
    timer = setTimeout(() => {
      shifts = 0;
    }, 1500);
    if (shifts >= 3) leave();
  });
  var print = document.querySelector('[data-print]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', () => {
      window.print();
    });
  }
})();
