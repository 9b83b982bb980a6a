/** A typed array's bytes as a Buffer, without copying them (Buffer.from(typedArray) copies). */
export function bufferView(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}
