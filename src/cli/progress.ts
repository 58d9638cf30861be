/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (so logs and CI output
 * stay clean), redrawn at most every 100 ms.
 */
export interface Progress {
  tick(done: number, total: number, label: string): void;
  end(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { tick: () => {}, end: () => {} };
  let last = 0;
  return {
    tick(done, total, label) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(
        `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`,
      );
    },
    end() {
      stream.write("\n");
    },
  };
}
