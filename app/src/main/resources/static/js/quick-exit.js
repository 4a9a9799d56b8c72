// Quick exit: leave for a neutral site at once and replace this page in the history, so the
// back button does not return here. Without JavaScript the button is a plain link that still leaves.
const button = document.querySelector('[data-quick-exit]');

function leave(event) {
  if (!button) return;
  if (event) event.preventDefault();
  document.body.hidden = true;
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
