package routines

import "testing"

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
	}
	if r, _ := lib.Get("gentle-back"); !r.Gentle() {
		t.Error("gentle-back must be gentle in every step")
	}
	for _, id := range []string{"back-classic", "lumbar-partner", "swedish-back"} {
		if r, _ := lib.Get(id); r.Gentle() {
			t.Errorf("%s should not be gentle", id)
		}
	}
}
