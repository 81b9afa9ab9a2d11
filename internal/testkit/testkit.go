// Package testkit holds the fixtures that the tests of several packages
// share: a short routine, loaded as a user's routine file is, and the
// answers that clear a screening. Only tests import it.
package testkit

import (
	"os"
	"path/filepath"
	"testing"

	"knead/routines"
	"knead/screening"
)

// ShortRoutine is a self-massage of three 5-second steps and a 5-second
// rest: a whole session in a few seconds of a test.
const ShortRoutine = `id: short
title: Short routine
for: self
area: lumbar
position: Lie on your side.
prepare: [Warm your hands]
steps:
  - {title: First strokes, technique: stroking, zone: lumbar, duration: 5s, intensity: gentle, cue: Stroke down slowly.}
  - {title: Light rubbing, technique: rubbing, zone: lumbar, duration: 5s, intensity: gentle, cue: Small circles., switch_sides: true}
  - {title: Last strokes, technique: stroking, zone: lumbar, duration: 5s, intensity: gentle, cue: Stroke lightly.}
aftercare: {rest: 5s, advice: Rest a moment.}
`

// LibraryWithShort returns the built-in routines plus ShortRoutine.
func LibraryWithShort(t testing.TB) *routines.Library {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "short.yaml"), []byte(ShortRoutine), 0o600); err != nil {
		t.Fatal(err)
	}
	lib, problems := routines.Load(dir)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	return lib
}

// ClearKey is the key of x's first answer that neither limits nor locks:
// no, or yes to "has a doctor examined this pain?".
func ClearKey(x *screening.Question) string {
	opts := x.Options()
	if x.Type == screening.YesNo {
		opts = []screening.Option{opts[1], opts[0]} // no before yes
	}
	for _, o := range opts {
		if (o.Level == "" || o.Level == screening.Clear) && !(o.Value == "yes" && x.Locks != "") {
			return o.Key
		}
	}
	panic(x.ID)
}
