import type { Task } from "../checklist/types.js";

/** One task in dependency order. */
export interface OrderedTask {
  task: Task;
  /**
   * The open dependencies (ids, deduplicated, in the order written) that were ordered before
   * this task and that it therefore waits for.
   */
  waitsFor: string[];
  /** The task is part of an `after=` cycle (a self-reference counts). */
  inCycle: boolean;
  /**
   * Open dependencies dropped to break a cycle: the task was ordered before them although it
   * names them in `after=`. Empty for tasks outside cycles.
   */
  ignoredAfter: string[];
}

/**
 * Orders open tasks so that every task comes after the open tasks it names in `after=`, and
 * otherwise by plan position (a stable Kahn's algorithm whose queue is keyed by position, so
 * section order and the order within a section survive wherever dependencies allow).
 *
 * `tasks` are the open tasks; ids in `after=` that are not among them are done or unknown and do
 * not constrain the order (lint reports unknown ids). A cycle never hangs or throws: when no task
 * is free, the lowest-position task that lies on a cycle goes next and its unresolved
 * dependencies are recorded in `ignoredAfter`; every task on a cycle is flagged `inCycle`.
 */
export function orderTasks(tasks: readonly Task[]): OrderedTask[] {
  // Per-task state lives in arrays indexed by the task's place in `nodes` (`slot`), not in maps
  // and sets keyed by task: building and hashing those took about half of this function's
  // time for 10,000 tasks. `pendingCount` is how many of `deps` are still unresolved; the ids
  // themselves are only needed to break a cycle, and then `readPending` derives them.
  const { nodes, ownerSlot } = indexTasks(tasks);
  const deps: string[][] = [];
  /** `deps` as the slots of their owners. */
  const depSlots: number[][] = [];
  const pendingCount = new Int32Array(nodes.length);
  /** The slots that wait for each slot's task (only owners of an id have any). */
  const dependents: Array<number[] | undefined> = [];
  for (let index = 0; index < nodes.length; index++) {
    const open = readOpenDependencies(nodes[index]!.meta.after, ownerSlot);
    const slots: number[] = [];
    for (const id of open) {
      const owner = ownerSlot.get(id)!;
      slots.push(owner);
      const list = dependents[owner];
      if (list) list.push(index);
      else dependents[owner] = [index];
    }
    deps.push(open);
    depSlots.push(slots);
    pendingCount[index] = open.length;
  }
  const emitted = new Uint8Array(nodes.length);
  /** A dependency stays unresolved until the task that owns its id is emitted (or a cycle is broken). */
  const cleared = new Uint8Array(nodes.length);
  const readPending = (index: number): string[] =>
    cleared[index] ? [] : deps[index]!.filter((_, at) => !emitted[depSlots[index]![at]!]);
  // With duplicate ids, a dependency also counts as emitted once a task that does not own its
  // id was (only a broken cycle emits a task before its dependencies' owners).
  const emittedIds = ownerSlot.size < nodes.length ? new Set<string>() : null;
  const cycleMembers = new Uint8Array(nodes.length);
  const result: OrderedTask[] = [];
  const resultSlots: number[] = [];

  // Free tasks wait in a min-heap of slots by position: stable Kahn in O(n log n), not a scan
  // per step.
  const free = new MinHeap((a, b) => nodes[a]!.position - nodes[b]!.position);
  for (let index = 0; index < nodes.length; index++)
    if (pendingCount[index] === 0) free.push(index);

  while (result.length < nodes.length) {
    let index = free.pop();
    let ignoredAfter: string[] = [];
    if (index === undefined) {
      const remaining: number[] = [];
      for (let slot = 0; slot < nodes.length; slot++) if (!emitted[slot]) remaining.push(slot);
      const onCycle = remaining.filter((slot) => isOnCycle(slot, readPending, ownerSlot));
      for (const slot of onCycle) cycleMembers[slot] = 1;
      // Some remaining task is always on a cycle (a finite graph with no free node has one);
      // the fallback only guards the invariant.
      index = onCycle[0] ?? remaining[0];
      if (index === undefined) break;
      ignoredAfter = readPending(index);
      cleared[index] = 1;
      pendingCount[index] = 0;
    }
    const next = nodes[index]!;
    // Read before this task counts as emitted: a task never waits for itself.
    const slots = depSlots[index]!;
    const waitsFor = deps[index]!.filter(
      (id, at) => emitted[slots[at]!] === 1 || emittedIds?.has(id) === true,
    );
    emitted[index] = 1;
    result.push({ task: next, waitsFor, inCycle: false, ignoredAfter });
    resultSlots.push(index);
    emittedIds?.add(next.id);
    {
      const waiting = dependents[index];
      if (waiting)
        for (const dependent of waiting) {
          // An emitted dependent was freed already, or had its dependencies cleared for a cycle.
          if (emitted[dependent]) continue;
          pendingCount[dependent]!--;
          if (pendingCount[dependent] === 0) free.push(dependent);
        }
    }
  }

  for (let at = 0; at < result.length; at++)
    result[at]!.inCycle = cycleMembers[resultSlots[at]!] === 1;
  return result;
}

/**
 * The tasks in position order (stable), and the slot of the task that owns each id: the first
 * task with it in the given order. A plan's tasks come in position order already; then the
 * slots are the given indexes and no map of tasks is needed.
 */
function indexTasks(tasks: readonly Task[]): {
  nodes: readonly Task[];
  ownerSlot: Map<string, number>;
} {
  const ownerSlot = new Map<string, number>();
  let sorted = true;
  for (let index = 1; index < tasks.length && sorted; index++)
    sorted = tasks[index - 1]!.position <= tasks[index]!.position;
  if (sorted) {
    for (let index = 0; index < tasks.length; index++) {
      const { id } = tasks[index]!;
      if (!ownerSlot.has(id)) ownerSlot.set(id, index);
    }
    return { nodes: tasks, ownerSlot };
  }
  const nodes = [...tasks].sort((a, b) => a.position - b.position);
  const slotOf = new Map<Task, number>();
  for (let index = 0; index < nodes.length; index++) slotOf.set(nodes[index]!, index);
  for (const task of tasks) if (!ownerSlot.has(task.id)) ownerSlot.set(task.id, slotOf.get(task)!);
  return { nodes, ownerSlot };
}

const NO_DEPENDENCIES: string[] = [];

/**
 * The ids in `after` that name an open task, deduplicated in the order written. Most tasks
 * name none or one, so the Set and the filtered copy are only built when there is more.
 */
function readOpenDependencies(
  after: readonly string[],
  ownerSlot: ReadonlyMap<string, number>,
): string[] {
  if (after.length === 0) return NO_DEPENDENCIES;
  if (after.length === 1) return ownerSlot.has(after[0]!) ? [after[0]!] : NO_DEPENDENCIES;
  return [...new Set(after)].filter((id) => ownerSlot.has(id));
}

/** Whether the task in slot `start` can reach itself through unresolved dependencies. */
function isOnCycle(
  start: number,
  readPending: (index: number) => readonly string[],
  ownerSlot: ReadonlyMap<string, number>,
): boolean {
  const seen = new Set<number>();
  const stack = [start];
  while (stack.length > 0) {
    const slot = stack.pop();
    if (slot === undefined) break;
    for (const id of readPending(slot)) {
      const dep = ownerSlot.get(id);
      if (dep === undefined) continue;
      if (dep === start) return true;
      if (!seen.has(dep)) {
        seen.add(dep);
        stack.push(dep);
      }
    }
  }
  return false;
}

/** A small binary min-heap of slots; `compare` < 0 means the first argument comes out first. */
class MinHeap {
  private readonly items: number[] = [];

  constructor(private readonly compare: (a: number, b: number) => number) {}

  push(item: number): void {
    const items = this.items;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.compare(items[index]!, items[parent]!) >= 0) break;
      this.swap(index, parent);
      index = parent;
    }
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < items.length && this.compare(items[left]!, items[smallest]!) < 0) smallest = left;
      if (right < items.length && this.compare(items[right]!, items[smallest]!) < 0)
        smallest = right;
      if (smallest === index) return top;
      this.swap(index, smallest);
      index = smallest;
    }
  }

  private swap(a: number, b: number): void {
    const items = this.items;
    const held = items[a]!;
    items[a] = items[b]!;
    items[b] = held;
  }
}
