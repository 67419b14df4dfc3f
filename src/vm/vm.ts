import { BUILTINS } from '../runtime/builtins/index.js';
import type { StrictImpl } from '../runtime/builtins/registry.js';
import { callCustom, guardSize } from '../runtime/call.js';
import { RunState, type RunStateOptions } from '../runtime/context.js';
import * as ops from '../runtime/ops.js';
import { render } from '../runtime/render.js';
import { getIndex, isEmpty, isPlainObject, setOwn } from '../runtime/value.js';
import { builtinVariable } from '../runtime/variables.js';
import { ImlError } from '../source/error.js';
import type { Limits } from '../source/limits.js';
import { evalPath, evalPaths, FROM_CONTEXT, forgetProven } from './access.js';
import { binary } from './binary.js';
import { positioned } from './located.js';
import { K_SHIFT, Op } from './opcodes.js';
import {
  type Bytecode,
  type CallSite,
  type CustomSite,
  Form,
  type PathSite,
  type PathSpec,
  type PropKey,
} from './program.js';
import { setKey } from './store.js';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * spareState holds the RunState of the last run that made one, free for the next: a run makes its state on first
 * need (most never call a function), and taking this one instead of allocating saves ~7% of a short run such as
 * `item.first + ' ' + upper(item.last)`. A run nested in a custom function finds it taken and makes its own.
 */
let spareState: RunState | null = null;

/** claimState returns a fresh state for this run: the spare one, reset, or a new one. */
function claimState(limits: Limits, options: RunStateOptions | undefined): RunState {
  const s = spareState;
  if (s === null) return new RunState(limits, options);
  spareState = null;
  return s.reset(limits, options);
}

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

/** spreadInto copies the own enumerable properties of a plain object into out (the `{{...}}` key). */
function spreadInto(out: Record<string, unknown>, v: unknown): void {
  if (!isPlainObject(v)) return;
  for (const k of Object.keys(v)) setOwn(out, k, v[k]);
}

/** stepsError returns the `runtime/limit` error of a run that took more than maxSteps instructions. */
function stepsError(max: number): ImlError {
  return new ImlError('runtime/limit', `Evaluation took more than ${max} steps (limits.maxSteps)`);
}

/** located returns a failure of instruction pc (-1: none) positioned at its span (see positioned). */
function located(e: unknown, bc: Bytecode, pc: number): unknown {
  if (pc < 0) return positioned(e, bc, -1, -1);
  return positioned(e, bc, bc.spans[2 * pc] as number, bc.spans[2 * pc + 1] as number);
}

/**
 * run returns the value of a program in a context (STYLE rule 3): one loop, one switch, pc and sp in locals, a
 * preallocated stack, no closure or allocation per instruction. Errors are positioned at the failing instruction's
 * span and bound through the program's sources. Jumps only go forward, so a run ends after at most
 * `code.length` instructions: only a program longer than maxSteps needs its steps counted, and only such a
 * program can fail with the steps limit. The others may take a whole-program fast form (see Form), which returns
 * what the loop would: a path load raises no positioned error, and nothing else runs.
 */
export function run(bc: Bytecode, context: object, limits: Limits, options: RunStateOptions | undefined): unknown {
  const form = bc.form;
  const counted = bc.size > limits.maxSteps;
  if (form === Form.Loop || counted) return exec(bc, context, limits, options, counted);
  if (form === Form.Path) {
    // As below (evalPath positions its own errors).
    try {
      return evalPath(bc.first as PathSite, bc, context);
    } catch (e) {
      throw located(e, bc, 0);
    }
  }
  if (form === Form.Paths) {
    // evalPaths is not inlined here (see access.ts), so this try block leaves its loads alone. It positions its
    // own errors; what escapes it (a revoked Proxy in the data, a JS stack overflow) gets the instruction's span.
    try {
      return evalPaths(bc.first as PathSite, bc, context, FROM_CONTEXT, limits, false);
    } catch (e) {
      throw located(e, bc, 0);
    }
  }
  return bc.first;
}

/**
 * exec runs a program on the loop with a value stack: the program's spare one when free, else a fresh one (a
 * run nested in a custom function). The loop positions its own errors; this frame releases the stack and turns a
 * JS stack overflow into runtime/limit. The loop has no try block of its own around path loads (see access.ts).
 */
function exec(
  bc: Bytecode,
  context: object,
  limits: Limits,
  options: RunStateOptions | undefined,
  counted: boolean,
): unknown {
  let stack = bc.spare;
  if (stack === null) stack = newStack(bc.maxStack);
  else bc.spare = null;
  let out: unknown;
  // No proof of plainness outlives this run (access.ts, proven), and none reaches it from a run it is nested in:
  // the embedder's function that started it may have changed a prototype since that proof.
  forgetProven();
  try {
    out = loop(bc, stack, context, limits, options, counted);
  } catch (e) {
    release(bc, stack);
    forgetProven();
    throw located(e, bc, -1);
  }
  release(bc, stack);
  forgetProven();
  return out;
}

/** loop runs a program instruction by instruction; `counted` runs count steps against maxSteps. */
function loop(
  bc: Bytecode,
  stack: unknown[],
  context: object,
  limits: Limits,
  options: RunStateOptions | undefined,
  counted: boolean,
): unknown {
  const code = bc.code;
  const args = bc.args;
  const consts = bc.consts;
  const maxSteps = limits.maxSteps;
  // The run state (now, timezone, ...) is made on first need: most runs never call a function.
  let ctx: RunState | undefined;
  let pc = 0;
  let sp = -1;
  let steps = 0;
  for (;;) {
    if (counted && ++steps > maxSteps) throw located(stepsError(maxSteps), bc, pc);
    // The case labels are the numbers of Op (opcodes.ts), written as literals with the name beside them: only
    // Smi-literal cases give V8 a jump table (measured: `case Op.X` made the fixed cost of a run 28 ns instead
    // of 18 ns). test/unit/opcodes.test.ts checks every label against the table. Instructions that can raise an
    // ImlError catch it to position it at pc; path loads cannot, and must not sit in a try block (access.ts).
    const op = code[pc] as number;
    switch (op) {
      case 0: // Const
        stack[++sp] = consts[args[pc] as number];
        break;
      case 1: // LoadVar
      case 2: // LoadPath
      case 3: // GetPath
      case 55: // PathK
      case 56: // AndPaths
      case 57: {
        // OrPaths
        // No try block here (see access.ts): evalPaths positions its own errors.
        const site = consts[args[pc] as number] as PathSite;
        const p = site.paths[0] as PathSpec;
        let start = FROM_CONTEXT;
        if (op === 3) start = stack[sp--];
        else if (p.builtin && !hasOwn.call(context, p.root)) {
          start = builtinVariable(p.root, (ctx ??= claimState(limits, options)));
        }
        stack[++sp] = evalPaths(site, bc, context, start, limits, true);
        break;
      }
      case 4: {
        // GetIndex
        const index = stack[sp--];
        try {
          stack[sp] = getIndex(stack[sp], index);
        } catch (e) {
          // An accessor or Proxy in the embedder's data threw (see access.ts, failure).
          throw located(e, bc, pc);
        }
        break;
      }
      case 5: // Not
        stack[sp] = !stack[sp];
        break;
      case 6: // Neg
      case 7: // Plus
        try {
          stack[sp] = op === 6 ? ops.neg(stack[sp]) : ops.plus(stack[sp]);
        } catch (e) {
          throw located(e, bc, pc);
        }
        break;
      case 8: // Add
      case 9: // Sub
      case 10: // ForcedAdd
      case 11: // Mul
      case 12: // Div
      case 13: // Mod
      case 14: // Lt
      case 15: // Le
      case 16: // Gt
      case 17: // Ge
      case 18: // Eq
      case 19: // Ne
      case 20: // StrictEq
      case 21: // StrictNe
      case 40: // AddK
      case 41: // SubK
      case 42: // ForcedAddK
      case 43: // MulK
      case 44: // DivK
      case 45: // ModK
      case 46: // LtK
      case 47: // LeK
      case 48: // GtK
      case 49: // GeK
      case 50: // EqK
      case 51: // NeK
      case 52: // StrictEqK
      case 53: {
        // StrictNeK
        // The K forms take the right operand from the pool instead of the stack.
        const b = op >= Op.AddK ? consts[args[pc] as number] : stack[sp--];
        try {
          stack[sp] = binary(op >= Op.AddK ? op - K_SHIFT : op, stack[sp], b, limits);
        } catch (e) {
          throw located(e, bc, pc);
        }
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
        try {
          if (typeof v !== 'string') stack[sp] = render(v);
        } catch (e) {
          throw located(e, bc, pc);
        }
        break;
      }
      case 28: {
        // JumpIfNoMatch
        const c = stack[sp--];
        let text: string;
        try {
          text = typeof c === 'string' ? c : render(c);
        } catch (e) {
          throw located(e, bc, pc);
        }
        if (text !== stack[sp]) pc += args[pc] as number;
        else sp--;
        break;
      }
      case 29: // Pop
        sp--;
        break;
      case 30: // Call1
      case 31: // Call2
      case 32: {
        // Call3
        const f = IMPLS[args[pc] as number] as StrictImpl;
        try {
          ctx ??= claimState(limits, options);
          let out: unknown;
          if (op === 30) out = f(ctx, stack[sp]);
          else if (op === 31) {
            const b = stack[sp--];
            out = f(ctx, stack[sp], b);
          } else {
            const c = stack[sp--];
            const b = stack[sp--];
            out = f(ctx, stack[sp], b, c);
          }
          stack[sp] = guardSize(out, limits);
        } catch (e) {
          throw located(e, bc, pc);
        }
        break;
      }
      case 33: // CallN
      case 34: {
        // CallCustom
        const site = consts[args[pc] as number] as CallSite | CustomSite;
        const base = sp - site.argc + 1;
        const list = stack.slice(base, sp + 1);
        sp = base;
        try {
          ctx ??= claimState(limits, options);
          let out: unknown;
          if (site.kind === 'call') out = (IMPLS[site.index] as StrictImpl)(ctx, ...list);
          else {
            out = callCustom(site.fn, ctx, site.name, list);
            // The embedder's function may have changed a prototype, or run another program (access.ts, proven).
            forgetProven();
          }
          stack[sp] = guardSize(out, limits);
        } catch (e) {
          throw located(e, bc, pc);
        }
        break;
      }
      case 35: {
        // Concat
        const base = sp - (args[pc] as number) + 1;
        let s = '';
        try {
          for (let i = base; i <= sp; i++) s += typeof stack[i] === 'string' ? stack[i] : render(stack[i]);
          sp = base;
          stack[sp] = guardSize(s, limits);
        } catch (e) {
          throw located(e, bc, pc);
        }
        break;
      }
      case 36: {
        // MakeArray
        const base = sp - (args[pc] as number) + 1;
        const list = stack.slice(base, sp + 1);
        sp = base;
        try {
          stack[sp] = guardSize(list, limits);
        } catch (e) {
          throw located(e, bc, pc);
        }
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
        try {
          spreadInto(stack[sp] as Record<string, unknown>, v);
        } catch (e) {
          // A getter or Proxy trap of the embedder's data threw.
          throw located(e, bc, pc);
        }
        break;
      }
      case 54: // Return
        // The state goes back for the next run (claimState). No built-in keeps it past its call.
        if (ctx !== undefined) spareState = ctx;
        return stack[sp];

      default:
        throw new Error(`internal: bad opcode ${op} at ${pc}`);
    }
    pc++;
  }
}
