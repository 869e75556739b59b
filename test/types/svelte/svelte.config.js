// An empty Svelte config, so that svelte-check takes this folder as the app's root.
export default {};
