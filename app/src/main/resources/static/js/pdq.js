// PDQ perceptual hashing in the browser, so a victim's image never leaves their device: only the
// 256-bit hash (and a SHA-256 of the file) is sent. This is a line-by-line port of Vangnet's Java
// implementation (pdq/PdqAlgorithm.java) with every arithmetic step rounded to 32-bit floats
// (Math.fround), so the same pixels give the same bits as the Java library. Decoders differ a
// little between browsers and ImageIO, which moves a few bits; the tests allow 8 of 256.

const f = Math.fround;
const SIDE = 64;
const DCT_SIDE = 16;
const MIN_DIMENSION = 5;
const LUMA_R = f(0.299);
const LUMA_G = f(0.587);
const LUMA_B = f(0.114);

/** Refuse images whose pixel count would exhaust a phone's memory (about 200 MB of RGBA). */
export const MAX_PIXELS = 50_000_000;

const DCT = (() => {
  const scale = f(Math.sqrt(2.0 / SIDE));
  const m = new Float32Array(DCT_SIDE * SIDE);
  for (let i = 0; i < DCT_SIDE; i++) {
    for (let j = 0; j < SIDE; j++) {
      m[i * SIDE + j] = f(scale * Math.cos((Math.PI / 2 / SIDE) * (i + 1) * (2 * j + 1)));
    }
  }
  return m;
})();

function windowSize(dimension) {
  return Math.floor((dimension + 2 * SIDE - 1) / (2 * SIDE));
}

function windowCounts(length, window) {
  const right = Math.floor((window + 2) / 2) - 1;
  const left = window - right - 1;
  const counts = new Float32Array(length);
  for (let k = 0; k < length; k++) {
    counts[k] = Math.min(length - 1, k + right) - Math.max(0, k - left) + 1;
  }
  return counts;
}

function sampleIndices(dimension) {
  const indices = new Int32Array(SIDE);
  for (let i = 0; i < SIDE; i++) {
    indices[i] = Math.floor(((i + 0.5) * dimension) / SIDE);
  }
  return indices;
}

// Running window sums along one line of `length` values read through get(k): add the entering
// value, then subtract the leaving one, exactly in the Java order.
function runningSums(get, length, window, out) {
  const right = Math.floor((window + 2) / 2) - 1;
  const left = window - right - 1;
  let sum = 0;
  for (let k = 0; k < right; k++) sum = f(sum + get(k));
  for (let k = 0; k < length; k++) {
    if (k + right < length) sum = f(sum + get(k + right));
    if (k > left) sum = f(sum - get(k - left - 1));
    out[k] = sum;
  }
}

/** Luminance of RGBA pixels, row-major, as 32-bit floats. */
function luminance(rgba, width, height) {
  const luma = new Float32Array(width * height);
  for (let p = 0, q = 0; p < luma.length; p++, q += 4) {
    luma[p] = f(f(f(LUMA_R * rgba[q]) + f(LUMA_G * rgba[q + 1])) + f(LUMA_B * rgba[q + 2]));
  }
  return luma;
}

function downsample(luma, width, height) {
  const rowWindow = windowSize(width);
  const columnWindow = windowSize(height);
  const rowCounts = windowCounts(width, rowWindow);
  const columnCounts = windowCounts(height, columnWindow);
  const image = new Float32Array(width * height);
  const line = new Float32Array(Math.max(width, height));

  // Pass 1 along rows.
  for (let y = 0; y < height; y++) {
    const base = y * width;
    runningSums((k) => luma[base + k], width, rowWindow, line);
    for (let x = 0; x < width; x++) image[base + x] = f(line[x] / rowCounts[x]);
  }
  // Pass 1 along columns.
  const column = new Float32Array(height);
  for (let x = 0; x < width; x++) {
    runningSums((k) => image[k * width + x], height, columnWindow, column);
    for (let y = 0; y < height; y++) image[y * width + x] = f(column[y] / columnCounts[y]);
  }
  // Pass 2 along rows, keeping the 64 sampled columns.
  const columns = sampleIndices(width);
  const narrow = new Float32Array(height * SIDE);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    runningSums((k) => image[base + k], width, rowWindow, line);
    for (let j = 0; j < SIDE; j++) narrow[y * SIDE + j] = f(line[columns[j]] / rowCounts[columns[j]]);
  }
  // Pass 2 along columns, keeping the 64 sampled rows.
  const rows = sampleIndices(height);
  const out = new Float32Array(SIDE * SIDE);
  for (let j = 0; j < SIDE; j++) {
    runningSums((k) => narrow[k * SIDE + j], height, columnWindow, column);
    for (let i = 0; i < SIDE; i++) out[i * SIDE + j] = f(column[rows[i]] / columnCounts[rows[i]]);
  }
  return out;
}

function quality(image64) {
  let gradientSum = 0;
  for (let i = 0; i < SIDE - 1; i++) {
    for (let j = 0; j < SIDE; j++) {
      const d = Math.trunc(f(f(f(image64[i * SIDE + j] - image64[(i + 1) * SIDE + j]) * 100) / 255));
      gradientSum += Math.abs(d);
    }
  }
  for (let i = 0; i < SIDE; i++) {
    for (let j = 0; j < SIDE - 1; j++) {
      const d = Math.trunc(f(f(f(image64[i * SIDE + j] - image64[i * SIDE + j + 1]) * 100) / 255));
      gradientSum += Math.abs(d);
    }
  }
  return Math.min(100, Math.floor(gradientSum / 90));
}

function dct(a) {
  const t = new Float32Array(DCT_SIDE * SIDE);
  for (let i = 0; i < DCT_SIDE; i++) {
    for (let k = 0; k < SIDE; k++) {
      const d = DCT[i * SIDE + k];
      for (let j = 0; j < SIDE; j++) {
        t[i * SIDE + j] = f(t[i * SIDE + j] + f(d * a[k * SIDE + j]));
      }
    }
  }
  const b = new Float32Array(DCT_SIDE * DCT_SIDE);
  for (let i = 0; i < DCT_SIDE; i++) {
    for (let k = 0; k < SIDE; k++) {
      const tik = t[i * SIDE + k];
      for (let j = 0; j < DCT_SIDE; j++) {
        b[i * DCT_SIDE + j] = f(b[i * DCT_SIDE + j] + f(tik * DCT[j * SIDE + k]));
      }
    }
  }
  return b;
}

function toHex(coefficients) {
  const sorted = Float32Array.from(coefficients).sort();
  const median = sorted[coefficients.length / 2 - 1];
  const nibbles = new Uint8Array(64);
  for (let k = 0; k < coefficients.length; k++) {
    if (coefficients[k] > median) {
      const word = 3 - (k >>> 6);
      const bit = k & 63;
      nibbles[word * 16 + 15 - (bit >>> 2)] |= 1 << (bit & 3);
    }
  }
  return Array.from(nibbles, (n) => n.toString(16)).join('');
}

/** PDQ of RGBA pixels (as from canvas getImageData): { hash: 64 hex, quality: 0..100 }. */
export function pdqFromRgba(rgba, width, height) {
  if (width < MIN_DIMENSION || height < MIN_DIMENSION) {
    return { hash: '0'.repeat(64), quality: 0 };
  }
  const image64 = downsample(luminance(rgba, width, height), width, height);
  return { hash: toHex(dct(image64)), quality: quality(image64) };
}

/** The EXIF orientation (1..8) of a JPEG, or 1. Only reads the first APP1 segment's IFD0. */
export function exifOrientation(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return 1;
  let offset = 2;
  while (offset + 4 <= view.byteLength) {
    const marker = view.getUint16(offset);
    const length = view.getUint16(offset + 2);
    if (marker === 0xffe1 && offset + 10 <= view.byteLength && view.getUint32(offset + 4) === 0x45786966) {
      const tiff = offset + 10;
      if (tiff + 8 > view.byteLength) return 1;
      const little = view.getUint16(tiff) === 0x4949;
      const ifd = tiff + view.getUint32(tiff + 4, little);
      if (ifd + 2 > view.byteLength) return 1;
      const entries = view.getUint16(ifd, little);
      for (let e = 0; e < entries; e++) {
        const entry = ifd + 2 + e * 12;
        if (entry + 12 > view.byteLength) return 1;
        if (view.getUint16(entry, little) === 0x0112) {
          const value = view.getUint16(entry + 8, little);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    }
    if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return 1;
    offset += 2 + length;
  }
  return 1;
}

// Browsers show images with their EXIF orientation applied; the Java library (like the reference
// ImageIO hasher) hashes the stored pixel grid. Undo the orientation exactly (90-degree turns and
// mirrors only, no resampling) so both hash the same pixels.
const UNDO = {
  1: (w, h) => [1, 0, 0, 1, 0, 0],
  2: (w, h) => [-1, 0, 0, 1, w, 0],
  3: (w, h) => [-1, 0, 0, -1, w, h],
  4: (w, h) => [1, 0, 0, -1, 0, h],
  5: (w, h) => [0, 1, 1, 0, 0, 0],
  6: (w, h) => [0, -1, 1, 0, 0, h],
  7: (w, h) => [0, -1, -1, 0, w, h],
  8: (w, h) => [0, 1, -1, 0, w, 0],
};

/** Decodes a file on this device and returns its raw pixels; nothing is uploaded. */
export async function decode(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const bitmap = await createImageBitmap(new Blob([bytes], { type: file.type }));
  const orientation = exifOrientation(bytes);
  const swapped = orientation >= 5;
  const width = swapped ? bitmap.height : bitmap.width;
  const height = swapped ? bitmap.width : bitmap.height;
  if (width * height > MAX_PIXELS) {
    bitmap.close();
    throw new RangeError('image-too-large');
  }
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.imageSmoothingEnabled = false;
  context.setTransform(...UNDO[orientation](width, height));
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { bytes, width, height, rgba: context.getImageData(0, 0, width, height).data };
}

/** SHA-256 of the file's bytes, for exact copies, as 64 hex. */
export async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Everything the portal sends for one image: { pdq, quality, sha256, width, height }. */
export async function hashFile(file) {
  const { bytes, width, height, rgba } = await decode(file);
  const { hash, quality: q } = pdqFromRgba(rgba, width, height);
  return { pdq: hash, quality: q, sha256: await sha256(bytes), width, height };
}
