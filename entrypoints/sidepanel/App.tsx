export function App() {
  return (
    <main>
      <h1>Questionnaire Autofill</h1>
    </main>
  );
}
