import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve, basename } from 'node:path';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const plugins = resolve(here, '../../plugins');

// Every plugins/<Project>/web/<name>.panel.js is a web panel (SDK WebPanel): built here, with the map, to the stable
// path /panels/<Project>/<name>.js that the plugin announces. Found by listing, so the map names no plugin.
const panels = Object.fromEntries(readdirSync(plugins, { withFileTypes: true })
  .filter(d => d.isDirectory() && existsSync(resolve(plugins, d.name, 'web')))
  .flatMap(d => readdirSync(resolve(plugins, d.name, 'web'))
    .filter(f => f.endsWith('.panel.js'))
    .map(f => [`panels/${d.name}/${basename(f, '.panel.js')}`, resolve(plugins, d.name, 'web', f)])));

// Built by maps/Platform.Maps (WebMap.targets) into dist/, embedded in the assembly and served at /.
// `npm run dev` proxies the API to a host on :5000.
export default defineConfig({
  base: '/',
  // Panels live outside this folder but import OpenLayers from here.
  resolve: { alias: { ol: resolve(here, 'node_modules/ol') } },
  build: {
    outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false,
    // Two pages (the map; the plugins and reports page) and the plugins' panels.
    rollupOptions: {
      input: { main: 'index.html', admin: 'admin.html', ...panels },
      // A panel is imported by URL at run time, so its exports must survive and its name must not change.
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: chunk => (chunk.name.startsWith('panels/') ? '[name].js' : 'assets/[name]-[hash].js') },
    },
  },
  server: {
    fs: { allow: [here, plugins] },
    // Plugins' panels come built from the host, as in production.
    proxy: Object.fromEntries(['/api', '/ogc', '/tiles', '/health', '/panels'].map(p => [p, 'http://127.0.0.1:5000'])),
  },
});
