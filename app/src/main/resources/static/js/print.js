// The help plan's print button: only shown when JavaScript runs (without it, the browser's own
// print command still works and the print stylesheet applies).
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
