package journal

import (
	"strings"
	"testing"
)

func TestANewPartnerNameNeedsALetter(t *testing.T) {
	for name, ok := range map[string]bool{"": true, "Anna": true, "Zoë": true, "Анна 2": true, "?": false, " 12 ": false, "me": false, "partner": false, "Self": false, strings.Repeat("a", 65): false, strings.Repeat("a", 64): true} {
		if err := CheckNewPartnerName(name); (err == nil) != ok {
			t.Errorf("%q: error %v", name, err)
		}
	}
}
