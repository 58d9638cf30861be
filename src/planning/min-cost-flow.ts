/**
 * Minimum-cost maximum flow by successive shortest paths (Bellman–Ford queue variant, which
 * tolerates the negative residual costs that appear after augmenting). Integer capacities, real
 * costs. Deterministic: edges are explored in a fixed order and ties keep the first path found.
 * Sizes here are small (scenes × candidates), so clarity beats asymptotics.
 */
export class MinCostFlow {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly next: number[] = [];
  private readonly head: number[];

  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  /** Adds an edge and returns its id (use `flowOn` to read the result). */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const id = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return id;
  }

  flowOn(edge: number): number {
    return this.cap[edge + 1] as number;
  }

  /** Pushes as much flow as possible from source to sink at the least total cost. */
  run(source: number, sink: number): { flow: number; cost: number } {
    let flow = 0;
    let total = 0;
    const n = this.nodes;
    for (;;) {
      const dist = new Array<number>(n).fill(Infinity);
      const via = new Array<number>(n).fill(-1);
      const queued = new Array<boolean>(n).fill(false);
      dist[source] = 0;
      const queue: number[] = [source];
      queued[source] = true;
      for (let qi = 0; qi < queue.length; qi++) {
        const u = queue[qi] as number;
        queued[u] = false;
        for (let e = this.head[u] as number; e !== -1; e = this.next[e] as number) {
          if ((this.cap[e] as number) <= 0) continue;
          const v = this.to[e] as number;
          const d = (dist[u] as number) + (this.cost[e] as number);
          if (d < (dist[v] as number) - 1e-12) {
            dist[v] = d;
            via[v] = e;
            if (!queued[v]) {
              queued[v] = true;
              queue.push(v);
            }
          }
        }
      }
      if (dist[sink] === Infinity) break;
      let push = Infinity;
      for (let v = sink; v !== source; v = this.to[(via[v] as number) ^ 1] as number) {
        push = Math.min(push, this.cap[via[v] as number] as number);
      }
      for (let v = sink; v !== source; v = this.to[(via[v] as number) ^ 1] as number) {
        const e = via[v] as number;
        this.cap[e] = (this.cap[e] as number) - push;
        this.cap[e ^ 1] = (this.cap[e ^ 1] as number) + push;
      }
      flow += push;
      total += push * (dist[sink] as number);
    }
    return { flow, cost: total };
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from] as number);
    this.head[from] = this.to.length - 1;
  }
}
