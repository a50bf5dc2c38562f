// A labelled progress bar with an optional Cancel, for bulk fills and stepping through sections.
export function ProgressBar({ label, done, total, onCancel }: { label: string; done: number; total: number; onCancel?: () => void }) {
  return (
    <div className="progress" role="status">
      <label>
        <span>
          {label} {done} / {total}
        </span>
        <progress max={Math.max(total, 1)} value={done} />
      </label>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
