/** assembly/phrase-walk.ts compiled to WebAssembly, base64 (written into the build by scripts/build-wasm.mjs). */
export declare const PHRASE_WALK_WASM: string;
