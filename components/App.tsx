export function App() {
  return <main>Join Doctor</main>;
}
