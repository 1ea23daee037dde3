/** Columns a string takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain-text table with a header row and a rule under it. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Two columns without a header (a help's options, a question's options), each row indented. */
export function columns(rows: readonly (readonly [string, string])[], indent: string): string[] {
  const width = Math.max(...rows.map(([left]) => displayWidth(left))) + 2;
  return rows.map(([left, right]) => `${indent}${pad(left, width)}${right}`);
}

/** A Markdown table; pipes in cells are escaped. */
export function markdownTable(header: string[], rows: string[][]): string {
  const cell = (c: string) => c.replaceAll("|", "\\|").replaceAll("\n", " ");
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), `|${header.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n");
}

/**
 * Wraps prose to a width, by words for English and by characters for Japanese. A paragraph that
 * starts with a bullet ("- ", "• ") hangs: its continuation lines start under the text after the
 * bullet, so the bullet stays visible as the start of an item.
 */
export function wrap(text: string, width = 88, indent = ""): string {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    const bullet = /^[-•] +/.exec(paragraph)?.[0] ?? "";
    const hang = indent + " ".repeat(displayWidth(bullet));
    let lineIndent = indent;
    let current = "";
    const tokens =
      paragraph.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
    for (const token of tokens) {
      if (/^\s+$/.test(token)) {
        if (current) current += " ";
        continue;
      }
      // Japanese closing punctuation never starts a line (kinsoku): it may overhang by one.
      const closing = /^[、。，．）」』】！？：；ー]$/.test(token);
      if (current && !closing && displayWidth(lineIndent + current + token) > width) {
        // Nor does a line end with Japanese opening punctuation: it moves down with what it opens.
        const opening = current.length > 1 && /[（「『【]$/.test(current) ? current.slice(-1) : "";
        out.push(lineIndent + current.slice(0, current.length - opening.length).trimEnd());
        current = opening;
        lineIndent = hang;
      }
      current += token;
    }
    out.push(lineIndent + current.trimEnd());
  }
  return out.join("\n");
}
