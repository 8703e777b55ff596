/**
 * A dashboard's own state (what the user asked to see), as a reducer: keys become actions, the view renders
 * the state. Training state is not here: it arrives in frames from the feed. Every screen shares it; the
 * explorer's fields (cursor, kept) and the replay's are the font dashboard's alone.
 */
export type Overlay = 'none' | 'help' | 'explorer';
export type Point = [number, number];

export interface DashboardState {
  paused: boolean;
  overlay: Overlay;
  /** Which page shows when the terminal is too small for every panel at once. */
  page: number;
  /** Glyph rows scrolled past, when the glyph panel does not fit. */
  scroll: number;
  /** The explorer's cursor on the latent plane: set when the explorer first opens, kept after it closes. */
  cursor?: Point;
  /** Latent points the user kept in the explorer, oldest first. */
  kept: Point[];
  /** The replay's epoch on show (← →); live when absent. */
  replay?: number;
  /** One line for the footer: what the last key did. */
  message: string;
}

export type DashboardAction =
  | { type: 'toggle-pause' }
  | { type: 'toggle-help' }
  | { type: 'close' }
  | { type: 'explore'; from: Point }
  | { type: 'move'; by: Point }
  | { type: 'keep' }
  | { type: 'next-page'; pages: number }
  | { type: 'scroll'; by: number; max: number }
  | { type: 'replay'; to: (epoch: number | undefined) => number | undefined }
  | { type: 'say'; message: string };

export const INITIAL_STATE: DashboardState = {
  paused: false,
  overlay: 'none',
  page: 0,
  scroll: 0,
  kept: [],
  message: '',
};

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'toggle-pause':
      return { ...state, paused: !state.paused, message: state.paused ? 'resumed' : 'paused: p resumes' };
    case 'toggle-help':
      return { ...state, overlay: state.overlay === 'help' ? 'none' : 'help' };
    case 'close':
      return { ...state, overlay: 'none' };
    case 'explore':
      // The explorer decodes with the live model: it explores the live latent space.
      return { ...state, overlay: 'explorer', cursor: state.cursor ?? action.from, replay: undefined };
    case 'move':
      return state.cursor
        ? { ...state, cursor: [state.cursor[0] + action.by[0], state.cursor[1] + action.by[1]] }
        : state;
    case 'keep':
      if (!state.cursor) return state;
      return {
        ...state,
        kept: [...state.kept, state.cursor],
        message: `kept glyph ${state.kept.length + 1} at ${formatPoint(state.cursor)}`,
      };
    case 'next-page':
      return { ...state, page: (state.page + 1) % Math.max(1, action.pages), scroll: 0 };
    case 'scroll':
      return { ...state, scroll: Math.min(action.max, Math.max(0, state.scroll + action.by)) };
    case 'replay':
      return { ...state, replay: action.to(state.replay) };
    case 'say':
      return { ...state, message: action.message };
  }
}

export function formatPoint([x, y]: Point): string {
  return `(${x.toFixed(2)}, ${y.toFixed(2)})`;
}
