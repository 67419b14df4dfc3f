import { BUILTINS } from '../runtime/builtins/index.js';
import type { StrictImpl } from '../runtime/builtins/registry.js';
import { callCustom, guardSize } from '../runtime/call.js';
import { type CallContext, RunState, type RunStateOptions } from '../runtime/context.js';
import { decAdd, decMul } from '../runtime/decimal.js';
import * as ops from '../runtime/ops.js';
import { render } from '../runtime/render.js';
import { getIndex, isEmpty, isPlainObject, setOwn } from '../runtime/value.js';
import { builtinVariable } from '../runtime/variables.js';
import { ImlError } from '../source/error.js';
import type { Limits } from '../source/limits.js';
import { follow, ownKey } from './access.js';
import type { Bytecode, CallSite, CustomSite, PathSpec, PropKey } from './program.js';
import { setKey } from './store.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** notStrict stands in for lazy built-ins in the call table: the compiler turns them into jumps, never calls. */
function notStrict(): never {
  throw new Error('internal: a lazy built-in was called as a strict one');
}

/** IMPLS represents the strict implementation of each built-in by registry index (the operand of Call0..Call3). */
const IMPLS: readonly StrictImpl[] = BUILTINS.list.map((b) => (b.lazy ? notStrict : b.impl));

/** STACK_KEEP represents the largest value stack a program keeps for its next run. */
const STACK_KEEP = 4096;

/** newStack returns a packed array of n undefined slots. */
function newStack(n: number): unknown[] {
  const s: unknown[] = [];
  for (let i = 0; i < n; i++) s.push(undefined);
  return s;
}

/** release clears the slots a run used (so no value outlives its run) and keeps the stack for the next run. */
function release(bc: Bytecode, stack: unknown[]): void {
  const n = bc.maxStack;
  for (let i = 0; i < n; i++) stack[i] = undefined;
  if (n <= STACK_KEEP) bc.spare = stack;
}

/**
 * sameKind returns whether two values are primitives of the same type: then loose equality is strict equality,
 * so `a !== b` already decides `a == b` without calling looseEquals (objects, with Dates, still go there).
 */
function sameKind(a: unknown, b: unknown): boolean {
  const t = typeof a;
  return t === typeof b && t !== 'object';
}

/** spreadInto copies the own enumerable properties of a plain object into out (the `{{...}}` key). */
function spreadInto(out: Record<string, unknown>, v: unknown): void {
  if (!isPlainObject(v)) return;
  for (const k of Object.keys(v)) setOwn(out, k, v[k]);
}

/** stepsError returns the `runtime/limit` error of a run that took more than maxSteps instructions. */
function stepsError(max: number): ImlError {
  return new ImlError('runtime/limit', `Evaluation took more than ${max} steps (limits.maxSteps)`);
}

/** located returns a failure of instruction pc as the caller sees it: positioned at its span, bound to its source. */
function located(e: unknown, bc: Bytecode, pc: number): unknown {
  if (e instanceof ImlError) {
    if (e.offset === undefined && !e.bound) {
      e.offset = bc.spans[2 * pc] as number;
      e.end = bc.spans[2 * pc + 1] as number;
    }
    return bc.sources.bind(e);
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new ImlError('runtime/limit', 'Evaluation nested too deeply (JS stack exhausted)', undefined, { cause: e });
  }
  return e;
}

/**
 * run returns the value of a program in a context (STYLE rule 3): one loop, one switch, pc and sp in locals, a
 * preallocated stack, no closure or allocation per instruction. Errors are positioned at the failing instruction's
 * span and bound through the program's sources. Jumps only go forward, so a run ends after at most
 * `code.length` instructions; maxSteps still counts them so a huge program cannot run unbounded.
 */
export function run(bc: Bytecode, context: object, limits: Limits, options: RunStateOptions | undefined): unknown {
  const code = bc.code;
  const args = bc.args;
  const consts = bc.consts;
  const maxSteps = limits.maxSteps;
  let stack = bc.spare;
  if (stack === null) stack = newStack(bc.maxStack);
  else bc.spare = null;
  // The run state (now, timezone, ...) is made on first need: most runs never call a function.
  let ctx: CallContext | undefined;
  let pc = 0;
  let sp = -1;
  let steps = 0;
  try {
    for (;;) {
      if (++steps > maxSteps) throw stepsError(maxSteps);
      // The case labels are the numbers of Op (opcodes.ts), written as literals with the name beside them: only
      // Smi-literal cases give V8 a jump table (measured: `case Op.X` made the fixed cost of a run 28 ns instead
      // of 18 ns). test/unit/opcodes.test.ts checks every label against the table.
      switch (code[pc]) {
        case 0: // Const
          stack[++sp] = consts[args[pc] as number];
          break;
        case 1: // LoadVar
        case 2: {
          // LoadPath
          // SEMANTICS §4: the context's own property, else the built-in variable of that name.
          const p = consts[args[pc] as number] as PathSpec;
          let r = ownKey(p.rootSlot, context, p.root);
          if (r === undefined) {
            if (hasOwn.call(context, p.root)) r = (context as Record<string, unknown>)[p.root];
            else if (p.builtin) r = builtinVariable(p.root, (ctx ??= new RunState(limits, options)));
          }
          stack[++sp] = follow(r, p.keys, p.nums, p.slots);
          break;
        }
        case 3: {
          // GetPath
          const p = consts[args[pc] as number] as PathSpec;
          stack[sp] = follow(stack[sp], p.keys, p.nums, p.slots);
          break;
        }
        case 4: {
          // GetIndex
          const index = stack[sp--];
          stack[sp] = getIndex(stack[sp], index);
          break;
        }
        case 5: // Not
          stack[sp] = !stack[sp];
          break;
        case 6: // Neg
          stack[sp] = ops.neg(stack[sp]);
          break;
        case 7: // Plus
          stack[sp] = ops.plus(stack[sp]);
          break;
        case 8: {
          // Add
          const b = stack[sp--];
          const a = stack[sp];
          if (typeof a === 'number' && typeof b === 'number') stack[sp] = decAdd(a, b);
          else stack[sp] = guardSize(ops.add(a, b), limits);
          break;
        }
        case 9: {
          // Sub
          const b = stack[sp--];
          stack[sp] = ops.sub(stack[sp], b);
          break;
        }
        case 10: {
          // ForcedAdd
          const b = stack[sp--];
          stack[sp] = ops.forcedAdd(stack[sp], b);
          break;
        }
        case 11: {
          // Mul
          const b = stack[sp--];
          const a = stack[sp];
          stack[sp] = typeof a === 'number' && typeof b === 'number' ? decMul(a, b) : ops.mul(a, b);
          break;
        }
        case 12: {
          // Div
          const b = stack[sp--];
          stack[sp] = ops.div(stack[sp], b);
          break;
        }
        case 13: {
          // Mod
          const b = stack[sp--];
          stack[sp] = ops.mod(stack[sp], b);
          break;
        }
        case 14: {
          // Lt
          const b = stack[sp--];
          const a = stack[sp];
          stack[sp] = typeof a === 'number' && typeof b === 'number' ? a < b : ops.lessThan(a, b);
          break;
        }
        case 15: {
          // Le
          const b = stack[sp--];
          const a = stack[sp];
          stack[sp] = typeof a === 'number' && typeof b === 'number' ? a <= b : ops.lessEqual(a, b);
          break;
        }
        case 16: {
          // Gt
          const b = stack[sp--];
          const a = stack[sp];
          stack[sp] = typeof a === 'number' && typeof b === 'number' ? a > b : ops.greaterThan(a, b);
          break;
        }
        case 17: {
          // Ge
          const b = stack[sp--];
          const a = stack[sp];
          stack[sp] = typeof a === 'number' && typeof b === 'number' ? a >= b : ops.greaterEqual(a, b);
          break;
        }
        case 18: {
          // Eq
          const b = stack[sp--];
          const a = stack[sp];
          stack[sp] = a === b || (sameKind(a, b) ? false : ops.looseEquals(a, b));
          break;
        }
        case 19: {
          // Ne
          const b = stack[sp--];
          const a = stack[sp];
          stack[sp] = a !== b && (sameKind(a, b) || !ops.looseEquals(a, b));
          break;
        }
        case 20: {
          // StrictEq
          const b = stack[sp--];
          stack[sp] = ops.strictEquals(stack[sp], b);
          break;
        }
        case 21: {
          // StrictNe
          const b = stack[sp--];
          stack[sp] = !ops.strictEquals(stack[sp], b);
          break;
        }
        case 22: // Jump
          pc += args[pc] as number;
          break;
        case 23: // JumpIfFalse
          if (!stack[sp--]) pc += args[pc] as number;
          break;
        case 24: // JumpIfFalseOrPop
          if (!stack[sp]) pc += args[pc] as number;
          else sp--;
          break;
        case 25: // JumpIfTrueOrPop
          if (stack[sp]) pc += args[pc] as number;
          else sp--;
          break;
        case 26: // JumpIfNotEmptyOrPop
          if (!isEmpty(stack[sp])) pc += args[pc] as number;
          else sp--;
          break;
        case 27: {
          // Render
          const v = stack[sp];
          if (typeof v !== 'string') stack[sp] = render(v);
          break;
        }
        case 28: {
          // JumpIfNoMatch
          const c = stack[sp--];
          if ((typeof c === 'string' ? c : render(c)) !== stack[sp]) pc += args[pc] as number;
          else sp--;
          break;
        }
        case 29: // Pop
          sp--;
          break;
        case 30: // Call1
          stack[sp] = guardSize(
            (IMPLS[args[pc] as number] as StrictImpl)((ctx ??= new RunState(limits, options)), stack[sp]),
            limits,
          );
          break;
        case 31: {
          // Call2
          const b = stack[sp--];
          const f = IMPLS[args[pc] as number] as StrictImpl;
          stack[sp] = guardSize(f((ctx ??= new RunState(limits, options)), stack[sp], b), limits);
          break;
        }
        case 32: {
          // Call3
          const c = stack[sp--];
          const b = stack[sp--];
          const f = IMPLS[args[pc] as number] as StrictImpl;
          stack[sp] = guardSize(f((ctx ??= new RunState(limits, options)), stack[sp], b, c), limits);
          break;
        }
        case 33: {
          // CallN
          const site = consts[args[pc] as number] as CallSite;
          const base = sp - site.argc + 1;
          const list = stack.slice(base, sp + 1);
          sp = base;
          stack[sp] = guardSize(
            (IMPLS[site.index] as StrictImpl)((ctx ??= new RunState(limits, options)), ...list),
            limits,
          );
          break;
        }
        case 34: {
          // CallCustom
          const site = consts[args[pc] as number] as CustomSite;
          const base = sp - site.argc + 1;
          const list = stack.slice(base, sp + 1);
          sp = base;
          stack[sp] = guardSize(callCustom(site.fn, (ctx ??= new RunState(limits, options)), site.name, list), limits);
          break;
        }
        case 35: {
          // Concat
          const base = sp - (args[pc] as number) + 1;
          let s = '';
          for (let i = base; i <= sp; i++) s += typeof stack[i] === 'string' ? stack[i] : render(stack[i]);
          sp = base;
          stack[sp] = guardSize(s, limits);
          break;
        }
        case 36: {
          // MakeArray
          const base = sp - (args[pc] as number) + 1;
          const list = stack.slice(base, sp + 1);
          sp = base;
          stack[sp] = guardSize(list, limits);
          break;
        }
        case 37: // NewObject
          stack[++sp] = {};
          break;
        case 38: {
          // SetProp
          const v = stack[sp--];
          if (v !== undefined) setKey(stack[sp] as Record<string, unknown>, consts[args[pc] as number] as PropKey, v);
          break;
        }
        case 39: {
          // Spread
          const v = stack[sp--];
          spreadInto(stack[sp] as Record<string, unknown>, v);
          break;
        }
        case 40: {
          // AddK
          const k = consts[args[pc] as number];
          const a = stack[sp];
          if (typeof a === 'number' && typeof k === 'number') stack[sp] = decAdd(a, k);
          else stack[sp] = guardSize(ops.add(a, k), limits);
          break;
        }
        case 41: // SubK
          stack[sp] = ops.sub(stack[sp], consts[args[pc] as number]);
          break;
        case 42: // ForcedAddK
          stack[sp] = ops.forcedAdd(stack[sp], consts[args[pc] as number]);
          break;
        case 43: {
          // MulK
          const k = consts[args[pc] as number];
          const a = stack[sp];
          stack[sp] = typeof a === 'number' && typeof k === 'number' ? decMul(a, k) : ops.mul(a, k);
          break;
        }
        case 44: // DivK
          stack[sp] = ops.div(stack[sp], consts[args[pc] as number]);
          break;
        case 45: // ModK
          stack[sp] = ops.mod(stack[sp], consts[args[pc] as number]);
          break;
        case 46: {
          // LtK
          const k = consts[args[pc] as number];
          const a = stack[sp];
          stack[sp] = typeof a === 'number' && typeof k === 'number' ? a < k : ops.lessThan(a, k);
          break;
        }
        case 47: {
          // LeK
          const k = consts[args[pc] as number];
          const a = stack[sp];
          stack[sp] = typeof a === 'number' && typeof k === 'number' ? a <= k : ops.lessEqual(a, k);
          break;
        }
        case 48: {
          // GtK
          const k = consts[args[pc] as number];
          const a = stack[sp];
          stack[sp] = typeof a === 'number' && typeof k === 'number' ? a > k : ops.greaterThan(a, k);
          break;
        }
        case 49: {
          // GeK
          const k = consts[args[pc] as number];
          const a = stack[sp];
          stack[sp] = typeof a === 'number' && typeof k === 'number' ? a >= k : ops.greaterEqual(a, k);
          break;
        }
        case 50: {
          // EqK
          const k = consts[args[pc] as number];
          const a = stack[sp];
          stack[sp] = a === k || (sameKind(a, k) ? false : ops.looseEquals(a, k));
          break;
        }
        case 51: {
          // NeK
          const k = consts[args[pc] as number];
          const a = stack[sp];
          stack[sp] = a !== k && (sameKind(a, k) || !ops.looseEquals(a, k));
          break;
        }
        case 52: // StrictEqK
          stack[sp] = ops.strictEquals(stack[sp], consts[args[pc] as number]);
          break;
        case 53: // StrictNeK
          stack[sp] = !ops.strictEquals(stack[sp], consts[args[pc] as number]);
          break;
        case 54: {
          // Return
          const out = stack[sp];
          release(bc, stack);
          return out;
        }
        default:
          throw new Error(`internal: bad opcode ${code[pc]} at ${pc}`);
      }
      pc++;
    }
  } catch (e) {
    release(bc, stack);
    throw located(e, bc, pc);
  }
}
