import { Buffer } from 'node:buffer';

/**
 * A facet's range in UTF-8 bytes, the unit Bluesky counts facet offsets in (network-apis.md 11.2), from a range
 * in JavaScript's UTF-16 string indices. Start inclusive, end exclusive.
 */
export function utf8Range(text: string, start: number, end: number): { byteStart: number; byteEnd: number } {
  const byteStart = Buffer.byteLength(text.slice(0, start), 'utf8');
  return { byteStart, byteEnd: byteStart + Buffer.byteLength(text.slice(start, end), 'utf8') };
}

/** The text a facet covers, read back from its byte range (how every Bluesky client renders it). */
export function sliceUtf8(text: string, byteStart: number, byteEnd: number): string {
  return Buffer.from(text, 'utf8').subarray(byteStart, byteEnd).toString('utf8');
}
