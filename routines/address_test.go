package routines

import (
	"strings"
	"testing"
)

func TestAddressedNamesThePartnerInEveryText(t *testing.T) {
	lib, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range lib.All() {
		if r.For != ForPartner {
			continue
		}
		named := Addressed(r, "Anna")
		texts := append([]string{named.Title, named.Position, named.Aftercare.Advice}, named.Prepare...)
		for _, s := range named.Steps {
			texts = append(texts, s.Title, s.Cue, s.Direction)
		}
		for _, text := range texts {
			if strings.Contains(strings.ToLower(text), "your partner") {
				t.Errorf("%s: %q still says your partner", r.ID, text)
			}
		}
		if !strings.Contains(named.Position, "Anna") {
			t.Errorf("%s: position %q does not name Anna", r.ID, named.Position)
		}
		if strings.Contains(r.Position, "Anna") {
			t.Errorf("%s: the library's routine was changed", r.ID)
		}
	}
}

func TestAddressedWithoutANameKeepsTheRoutine(t *testing.T) {
	r := &Routine{Position: "Your partner lies face down."}
	if Addressed(r, "") != r {
		t.Fatal("no name should keep the routine as it is")
	}
	if got := Addressed(r, "Anna").Position; got != "Anna lies face down." {
		t.Fatalf("got %q", got)
	}
}
