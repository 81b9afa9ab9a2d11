package routines

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"time"
	"unicode"
)

// FuzzParse feeds the parser arbitrary bytes, starting from the built-in
// routines. It must never panic; what it accepts must keep every rule; what
// it rejects must come as a *FileError of FILE:LINE problems.
func FuzzParse(f *testing.F) {
	names, _ := fs.Glob(builtinFiles, "data/*.yaml")
	for _, n := range names {
		data, _ := builtinFiles.ReadFile(n)
		f.Add(data)
	}
	f.Add([]byte(validRoutine))
	f.Add([]byte("id: x\nsteps: [{title: a, cue: \"\\e]52;c;x\\a\"}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("f.yaml", data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || len(fe.Problems) == 0 {
				t.Fatalf("error is not a *FileError with problems: %v", err)
			}
			for _, p := range fe.Problems {
				if p.Line < 0 || !strings.HasPrefix(p.Error(), "f.yaml") {
					t.Fatalf("badly formed problem %+v", p)
				}
			}
			return
		}
		checkInvariants(t, r)
	})
}

// failer is what checkInvariants needs of a *testing.T or a *rapid.T.
type failer interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

func checkInvariants(t failer, r *Routine) {
	t.Helper()
	if !idPattern.MatchString(r.ID) || len(r.Steps) == 0 {
		t.Fatalf("accepted routine with id %q and %d steps", r.ID, len(r.Steps))
	}
	if r.Steps[0].Technique != Stroking {
		t.Fatalf("accepted routine beginning with %s", r.Steps[0].Technique)
	}
	texts := []string{r.Title, r.Position, r.Aftercare.Advice}
	texts = append(texts, r.Prepare...)
	for _, s := range r.Steps {
		if s.Duration < MinStep || s.Duration > MaxStep || s.Cue == "" {
			t.Fatalf("accepted step %+v", s)
		}
		if s.Intensity == Gentle && !s.Gentle() {
			t.Fatalf("accepted a gentle label not earned: %s, %q", s.Technique, s.Cue)
		}
		if s.Technique.Percussion() && s.Zone.CoversLowerBack() {
			t.Fatalf("accepted %s on the %s zone", s.Technique, s.Zone)
		}
		if r.For == ForSelf && !s.Zone.ReachableAlone() {
			t.Fatalf("accepted a self-massage on the %s zone", s.Zone)
		}
		if s.Passes != nil && s.Tempo > 0 && time.Duration(s.Passes.Max)*s.Tempo > s.Duration {
			t.Fatalf("accepted %d passes of %s in %s", s.Passes.Max, s.Tempo, s.Duration)
		}
		texts = append(texts, s.Title, s.Cue, s.Direction)
	}
	if r.Area == AreaLumbar && !r.WorksLowerBack() {
		t.Fatal("accepted a lumbar routine off the lower back")
	}
	if r.Gentle() != (r.Intensity() == Gentle) {
		t.Fatalf("gentle = %v but intensity = %s", r.Gentle(), r.Intensity())
	}
	for _, s := range texts {
		for _, c := range s {
			if unicode.IsControl(c) {
				t.Fatalf("control character %U left in %q", c, s)
			}
		}
	}
}
