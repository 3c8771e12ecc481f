export default defineBackground(() => {
  // Capture store and panel fan-out are added by the capture pipeline.
});
