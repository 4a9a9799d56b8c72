// Live response counts on a campaign page: fetch the link table body every few seconds and swap
// it in. Without JavaScript the page shows the counts as of loading, and a reload refreshes them.
const table = document.querySelector('[data-live-counts]');
const INTERVAL_MS = 5000;

async function refresh() {
  if (!table || document.hidden) return;
  try {
    const response = await fetch(table.dataset.liveCounts, {
      headers: { Accept: 'text/html' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (!response.ok) return;
    const template = document.createElement('template');
    template.innerHTML = (await response.text()).trim();
    const fresh = template.content.querySelector('tbody');
    const current = table.querySelector('tbody');
    if (fresh && current) current.replaceWith(fresh);
  } catch {
    // A missed refresh is harmless; the next one tries again.
  }
}

if (table) {
  setInterval(refresh, INTERVAL_MS);
}
