// Quick exit: leave at once through the server's exit address, which ends the session (so the
// answers are gone) and sends the browser on to a neutral site. location.replace takes this page
// out of the history, so Back does not return to it. Without JavaScript the button is a plain link
// to the same address. Esc does the same on a keyboard; phones have the bar that is always in view.
const button = document.querySelector('[data-quick-exit]');

function leave(event) {
  if (!button) return;
  if (event) event.preventDefault();
  document.body.hidden = true;
  document.title = '';
  window.location.replace(button.href);
}

if (button) {
  button.addEventListener('click', leave);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      leave(event);
    }
  });
}
