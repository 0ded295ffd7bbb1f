/**
 * The worker-thread side of `parsePlanOffThread`: parses the plan it is given and posts it back
 * (a `Plan` is plain data, so it survives structured cloning).
 */
import { parentPort, workerData } from "node:worker_threads";
import { parsePlan } from "./parse-plan.js";

parentPort?.postMessage(parsePlan((workerData as { source: string }).source));
