/** How a statement's phase is drawn: one class name shared by the Mermaid, DOT and SVG views. */

/** Style class of a statement: its phase family, `planned` in config mode, `warning` when its SQL was not analysed. */
export type PhaseClass = 'running' | 'failed' | 'stopped' | 'pending' | 'planned' | 'warning';

/** The class of a statement node. */
export function phaseClass(phase: string | undefined, warning: boolean): PhaseClass {
  if (warning) return 'warning';
  switch (phase?.toUpperCase()) {
    case undefined: return 'planned';
    case 'RUNNING': case 'COMPLETED': return 'running';
    case 'FAILED': case 'FAILING': case 'DEGRADED': return 'failed';
    case 'STOPPED': case 'STOPPING': case 'DELETING': case 'PAUSED': return 'stopped';
    default: return 'pending';
  }
}

/** Fill, stroke and text colour per class. */
export const PHASE_COLORS: Readonly<Record<PhaseClass, { readonly fill: string; readonly stroke: string; readonly text: string }>> = {
  running: { fill: '#e3f5e8', stroke: '#2f8f4e', text: '#124222' },
  failed: { fill: '#fde7e7', stroke: '#c0392b', text: '#5e1410' },
  stopped: { fill: '#eeeeee', stroke: '#888888', text: '#333333' },
  pending: { fill: '#fdf6d8', stroke: '#b8950b', text: '#4d3e05' },
  planned: { fill: '#eef2f7', stroke: '#5b6b82', text: '#1f2a38' },
  warning: { fill: '#fff4e0', stroke: '#d35400', text: '#5a2400' },
};

/** Colours of topics, example-data topics and connectors. */
export const KIND_COLORS = {
  topic: { fill: '#e8f1fb', stroke: '#3b6ea8', text: '#14324f' },
  external: { fill: '#f3f0fa', stroke: '#7a62b3', text: '#35255e' },
  connector: { fill: '#fdf1e3', stroke: '#c77a1e', text: '#5a3509' },
} as const;
