// The one entry point of the vendored bundle: what qagraph's atlas page uses, as globals.
import Graph from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram, NodePointProgram } from "sigma/rendering";

globalThis.graphology = { Graph };
globalThis.Sigma = Sigma;
globalThis.SigmaPrograms = { EdgeLineProgram, NodePointProgram };
