/**
 * Charts as PNG files: the chart's SVG is serialised (with a white background and the page's
 * font, which an SVG drawn as an image does not inherit), drawn on a canvas at twice its size,
 * and saved. A heat map (an HTML table) is drawn on a canvas directly.
 */
import { saveBlob } from "@/lib/download";
import { STEP_COLOURS, intensity } from "./heat";

const FONT = "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const SVG_NS = "http://www.w3.org/2000/svg";

/** A standalone SVG document of `svg`, with its size and a white background. */
export function svgMarkup(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute("width")) || 600);
  const height = Math.round(box.height || Number(svg.getAttribute("height")) || 300);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.setAttribute("font-family", FONT);
  copy.removeAttribute("style");
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  copy.insertBefore(background, copy.firstChild);
  let markup = new XMLSerializer().serializeToString(copy);
  // The serializer declares the SVG namespace itself for an element in it; an image needs it.
  if (!/^<svg[^>]*\sxmlns=/.test(markup)) markup = markup.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return { markup, width, height };
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("The chart could not be drawn as an image."));
    img.src = src;
  });
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The browser made no PNG."))), "image/png"),
  );
}

function canvas(width: number, height: number, scale: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const c = document.createElement("canvas");
  c.width = width * scale;
  c.height = height * scale;
  const ctx = c.getContext("2d");
  if (!ctx) throw new Error("This browser cannot draw images.");
  ctx.scale(scale, scale);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  return [c, ctx];
}

/** The chart's own SVG: the largest one (a legend's icons are small SVGs of the same class). */
export function chartSvg(container: HTMLElement): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let bestArea = -1;
  for (const svg of container.querySelectorAll<SVGSVGElement>("svg")) {
    const box = svg.getBoundingClientRect();
    const area = (box.width || Number(svg.getAttribute("width")) || 0) * (box.height || Number(svg.getAttribute("height")) || 0);
    if (area > bestArea) {
      best = svg;
      bestArea = area;
    }
  }
  return best;
}

/** A Recharts legend (HTML beside the SVG): each entry's text and colour. */
function legendOf(container: HTMLElement): { label: string; colour: string }[] {
  return [...container.querySelectorAll(".recharts-legend-item")].map((item) => {
    const mark = item.querySelector("path, line, rect");
    const stroke = mark?.getAttribute("stroke");
    const colour = stroke && stroke !== "none" ? stroke : (mark?.getAttribute("fill") ?? "#64748b");
    return { label: item.textContent?.trim() ?? "", colour };
  });
}

/**
 * Saves the chart inside `container` as `filename`: its title on top, the SVG, and its legend
 * (which Recharts draws in HTML) underneath.
 */
export async function downloadSvgAsPng(container: HTMLElement, filename: string, title?: string, scale = 2): Promise<void> {
  const svg = chartSvg(container);
  if (!svg) throw new Error("There is no chart to save yet.");
  const { markup, width, height } = svgMarkup(svg);
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);
  const legend = legendOf(container);
  const pad = 16;
  const head = title ? 36 : 0;
  const foot = legend.length ? 28 : 0;
  const [c, ctx] = canvas(width + 2 * pad, height + head + foot + 2 * pad, scale);
  ctx.textBaseline = "middle";
  if (title) {
    ctx.fillStyle = "#0f172a";
    ctx.font = `600 15px ${FONT}`;
    ctx.fillText(title, pad, pad + 10);
  }
  ctx.drawImage(img, pad, pad + head, width, height);
  let x = pad;
  const y = pad + head + height + foot / 2;
  ctx.font = `12px ${FONT}`;
  for (const entry of legend) {
    ctx.fillStyle = entry.colour;
    ctx.fillRect(x, y - 4, 10, 8);
    ctx.fillStyle = "#334155";
    ctx.fillText(entry.label, x + 14, y);
    x += 14 + ctx.measureText(entry.label).width + 16;
  }
  saveBlob(await canvasBlob(c), filename);
}

export interface HeatMapPicture {
  title: string;
  rows: readonly string[];
  cols: readonly { key: string; label: string }[];
  count: (row: string, col: string) => number;
}

/** Draws the heat map (title, column heads, row labels, coloured cells with counts) and saves it. */
export async function downloadHeatMapPng(map: HeatMapPicture, filename: string, scale = 2): Promise<void> {
  const labelWidth = 200;
  const cellWidth = 110;
  const cellHeight = 32;
  const top = 64;
  const width = labelWidth + cellWidth * map.cols.length + 24;
  const height = top + cellHeight * map.rows.length + 24;
  const [c, ctx] = canvas(width, height, scale);
  const max = Math.max(0, ...map.rows.flatMap((r) => map.cols.map((col) => map.count(r, col.key))));
  ctx.textBaseline = "middle";
  ctx.fillStyle = "#0f172a";
  ctx.font = `600 15px ${FONT}`;
  ctx.fillText(map.title, 12, 20);
  ctx.font = `600 12px ${FONT}`;
  ctx.fillStyle = "#475569";
  map.cols.forEach((col, i) => ctx.fillText(col.label, labelWidth + i * cellWidth + 8, top - 14));
  map.rows.forEach((row, r) => {
    const y = top + r * cellHeight;
    ctx.font = `12px ${FONT}`;
    ctx.fillStyle = "#0f172a";
    ctx.fillText(row.length > 28 ? `${row.slice(0, 27)}…` : row, 12, y + cellHeight / 2);
    map.cols.forEach((col, i) => {
      const n = map.count(row, col.key);
      const colours = STEP_COLOURS[intensity(n, max)]!;
      const x = labelWidth + i * cellWidth;
      ctx.fillStyle = colours.bg;
      ctx.fillRect(x + 1, y + 1, cellWidth - 2, cellHeight - 2);
      ctx.strokeStyle = "#e2e8f0";
      ctx.strokeRect(x + 1, y + 1, cellWidth - 2, cellHeight - 2);
      ctx.fillStyle = colours.fg;
      ctx.font = `600 12px ${FONT}`;
      ctx.fillText(String(n), x + 10, y + cellHeight / 2);
    });
  });
  saveBlob(await canvasBlob(c), filename);
}
