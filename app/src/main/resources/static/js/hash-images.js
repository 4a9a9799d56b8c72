// The victim picks images; each is decoded and hashed here, on the device, and shown as a preview
// that never leaves the page. Only the hashes go into the form.
import { hashFile } from './pdq.js';

const form = document.getElementById('image-hash-form');
const input = document.getElementById('image-files');
const results = document.getElementById('image-results');
const hidden = document.getElementById('image-hashes');

function text(name) {
  return form.dataset[name] || '';
}

async function hashAll(files) {
  const max = Number(form.dataset.max || 50);
  const lines = [];
  results.replaceChildren();
  for (const file of Array.from(files).slice(0, max)) {
    const item = document.createElement('figure');
    item.className = 'image-result';
    const preview = document.createElement('img');
    const url = URL.createObjectURL(file);
    preview.src = url;
    preview.alt = file.name;
    const caption = document.createElement('figcaption');
    caption.textContent = text('msgWorking');
    item.append(preview, caption);
    results.append(item);
    try {
      const hashed = await hashFile(file);
      if (hashed.quality < 50) {
        caption.textContent = text('msgWeak');
      } else {
        caption.textContent = text('msgDone');
        lines.push(`${hashed.pdq},${hashed.quality},${hashed.sha256}`);
      }
      item.dataset.pdq = hashed.pdq;
    } catch (error) {
      caption.textContent = text('msgError');
    }
  }
  hidden.value = lines.join('\n');
}

if (form && input) {
  input.addEventListener('change', () => {
    hashAll(input.files);
  });
}
