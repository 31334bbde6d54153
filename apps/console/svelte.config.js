import adapter from '@sveltejs/adapter-static';

// A single-page app (docs/adr/0020-console.md): the gateway serves the static build and answers unknown paths
// with the fallback page, so every route renders in the browser against the same-origin API.
const config = {
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    // Absolute asset paths: the boot script moved out of index.html (scripts/externalize-boot-script.mjs)
    // must not depend on the page's URL depth.
    paths: { relative: false },
  },
};

export default config;
