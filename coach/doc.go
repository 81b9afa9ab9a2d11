// Package coach is the session engine: a pure, deterministic state machine
// that walks a routine step by step, driven by events and an injected clock.
package coach
