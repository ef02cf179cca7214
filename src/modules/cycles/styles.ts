/** The cycles pages' few styles: the timeline scrolls sideways on a narrow screen, and the key sits on one line. */
export const CYCLES_CSS = `
.app-cycles-scroll { overflow-x: auto; margin-bottom: 30px; border: 1px solid #b1b4b6; }
.app-cycles-scroll:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }
.app-cycles-scroll svg { display: block; min-width: 760px; height: auto; }
.app-cycles-key { display: flex; flex-wrap: wrap; gap: 4px 20px; }
.app-cycles-key li { display: flex; align-items: center; gap: 6px; margin: 0; }
.app-cycles-table svg, .app-cycles-key svg { vertical-align: middle; flex: none; }
.app-cycles-secret code { word-break: break-all; font-size: 16px; }
`;
