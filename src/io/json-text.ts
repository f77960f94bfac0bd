/**
 * Where a JSON text first breaks the grammar (RFC 8259), as a 0-based character offset, or -1 when
 * it is valid. Used to name the line and column of a syntax error without quoting the text: V8's
 * `JSON.parse` messages quote a snippet of the file (`Unexpected token 's', "{"a": secret}" is not
 * valid JSON`). Iterative, so a text nested 200,000 deep costs a stack of strings, not of frames.
 */
export function jsonSyntaxErrorOffset(text: string): number {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 92) {
        const e = text[++i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return false;
          i += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) return false;
      }
    }
    return false;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const scalar = (): boolean => {
    if (text[i] === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) return false;
    i = NUMBER.lastIndex;
    return true;
  };
  let expect: 'value' | 'member' | 'after' = 'value';
  for (;;) {
    ws();
    if (expect !== 'after') {
      if (expect === 'member') {
        if (!string()) return i;
        ws();
        if (text[i] !== ':') return i;
        i++;
        ws();
      }
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          expect = 'after';
        } else {
          stack.push(c);
          expect = c === '{' ? 'member' : 'value';
        }
        continue;
      }
      if (!scalar()) return i;
      expect = 'after';
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i < text.length ? i : -1;
    if (text[i] === ',') {
      i++;
      expect = top === '{' ? 'member' : 'value';
    } else if (text[i] === (top === '{' ? '}' : ']')) {
      i++;
      stack.pop();
    } else return i;
  }
}

/** 1-based line and column of a character offset (lines end at LF, CRLF or CR). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    const c = text[k];
    if (c === '\n' || (c === '\r' && text[k + 1] !== '\n')) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
