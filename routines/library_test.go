package routines

import (
	"strings"
	"testing"
)

func TestBuiltInRoutinesLoadAndValidate(t *testing.T) {
	t.Parallel()
	lib, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"back-classic", "gentle-back", "lumbar-partner", "lumbar-self", "swedish-back"}
	got := lib.IDs()
	if len(got) != len(want) {
		t.Fatalf("ids = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ids = %v, want %v", got, want)
		}
	}
	for _, r := range lib.All() {
		if len(r.Sources) == 0 {
			t.Errorf("%s cites no source", r.ID)
		}
		if len(r.Prepare) == 0 {
			t.Errorf("%s has no preparation checklist", r.ID)
		}
		prepare := strings.ToLower(strings.Join(r.Prepare, " "))
		if !strings.Contains(prepare, "toilet") || !strings.Contains(prepare, "no active exercise") {
			t.Errorf("%s: the checklist lacks the toilet and no active exercise (lumbosacral article)", r.ID)
		}
		for _, st := range r.Steps {
			if len(st.Sources) == 0 || st.Sources[0].Article == "" {
				t.Errorf("%s: step %q cites no article", r.ID, st.Title)
			}
		}
	}
	for _, id := range []string{"gentle-back", "lumbar-self"} {
		if r, _ := lib.Get(id); !r.Gentle() {
			t.Errorf("%s must be gentle in every step", id)
		}
	}
	for _, id := range []string{"back-classic", "lumbar-partner", "swedish-back"} {
		if r, _ := lib.Get(id); r.Gentle() {
			t.Errorf("%s should not be gentle", id)
		}
	}
}
