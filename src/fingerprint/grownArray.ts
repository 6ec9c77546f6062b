/** A typed array of `length` elements holding `array`'s at its start: for arrays that grow as items arrive. */
export function grownArray<T extends Uint8Array | Uint16Array | Int32Array | Uint32Array>(array: T, length: number): T {
  const larger = new (array.constructor as new (length: number) => T)(length);
  larger.set(array);
  return larger;
}
