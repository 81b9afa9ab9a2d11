package coach

import (
	"strings"
	"testing"
)

// TestAdviceSpeaksOfThePartner: the caregiver reads whose pain rose and
// who should see a doctor; oneself is told to see one.
func TestAdviceSpeaksOfThePartner(t *testing.T) {
	facts := Facts{Outcome: Stopped, StopReason: "you asked to stop; pain rose from 3 to 5", PainStop: true, WarningSign: true, Baseline: 3, Final: 5}
	self := strings.Join(Advise(facts), " ")
	facts.Person = "Anna"
	anna := strings.Join(Advise(facts), " ")
	for _, want := range []string{"you asked to stop; Anna's pain rose from 3 to 5", "Anna should see a general practitioner", "Anna's pain is higher than before the session: pause the course; Anna should see a doctor"} {
		if !strings.Contains(anna, want) {
			t.Errorf("partner advice lacks %q:\n%s", want, anna)
		}
	}
	for _, want := range []string{"you asked to stop; pain rose from 3 to 5", "A warning sign needs a doctor: see a general practitioner", "Pain is higher than before the session: pause the course and see a doctor"} {
		if !strings.Contains(self, want) {
			t.Errorf("own advice lacks %q:\n%s", want, self)
		}
	}
}
