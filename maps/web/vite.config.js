import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve, basename } from 'node:path';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const plugins = resolve(here, '../../plugins');
const modules = resolve(here, '../../modules');

// Every plugins/<Project>/web/<name>.panel.js and modules/<Project>/web/<name>.panel.js is a web panel (SDK WebPanel):
// built here, with the map, to the stable path /panels/<Project>/<name>.js that the plugin or module announces.
// Found by listing, so the map names no plugin and no module.
const panelsIn = root => Object.fromEntries(readdirSync(root, { withFileTypes: true })
  .filter(d => d.isDirectory() && existsSync(resolve(root, d.name, 'web')))
  .flatMap(d => readdirSync(resolve(root, d.name, 'web'))
    .filter(f => f.endsWith('.panel.js'))
    .map(f => [`panels/${d.name}/${basename(f, '.panel.js')}`, resolve(root, d.name, 'web', f)])));
const panels = { ...panelsIn(plugins), ...panelsIn(modules) };

// Every maps/web/<name>.html is a page (the map, the plugins and reports page, the modules' pages such as a resident's
// form), served at /<name>.html; a module links its page with a WebMenuEntry.
const pages = Object.fromEntries(readdirSync(here).filter(f => f.endsWith('.html')).map(f => [basename(f, '.html'), f]));

// Built by maps/Platform.Maps (WebMap.targets) into dist/, embedded in the assembly and served at /.
// `npm run dev` proxies the API to a host on :5000.
export default defineConfig({
  base: '/',
  // Panels live outside this folder but import OpenLayers from here.
  resolve: { alias: { ol: resolve(here, 'node_modules/ol') } },
  build: {
    outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false,
    // The pages and the panels. The map page's entry keeps the name "main" its assets have always had.
    rollupOptions: {
      input: { ...Object.fromEntries(Object.entries(pages).map(([k, v]) => [k === 'index' ? 'main' : k, v])), ...panels },
      // A panel is imported by URL at run time, so its exports must survive and its name must not change.
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: chunk => (chunk.name.startsWith('panels/') ? '[name].js' : 'assets/[name]-[hash].js') },
    },
  },
  server: {
    fs: { allow: [here, plugins, modules] },
    // Plugins' panels come built from the host, as in production.
    proxy: Object.fromEntries(['/api', '/ogc', '/tiles', '/health', '/panels'].map(p => [p, 'http://127.0.0.1:5000'])),
  },
});
