// gaxios (under every Google client) imports node-fetch when it sees no `window`, which loads
// node-fetch and a web-streams polyfill (~90 KB) on the first Google call. Node 22's own
// fetch is the same WHATWG API gaxios uses in a browser; the bundles use it instead.
export default globalThis.fetch;
