// Wrangler (and the test pool) bundle an imported .wasm file as a compiled module: Workers may not compile
// WebAssembly from bytes at run time. https://developers.cloudflare.com/workers/runtime-apis/webassembly/javascript/
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
