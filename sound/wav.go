package sound

import (
	"encoding/binary"
	"math"
	"time"
)

// SampleRate is the WAV sample rate in Hz: enough for tones up to a few
// kHz while keeping each file small.
const SampleRate = 22050

// fade is the ramp at each end of a note; a tone that starts or stops at a
// non-zero sample is heard as a click.
const fade = 5 * time.Millisecond

const wavHeaderLen = 44

// WAV renders a cue as a complete RIFF/WAVE file: PCM, 16-bit, mono,
// SampleRate. An unknown cue gives a valid file with no samples.
func WAV(c Cue) []byte {
	samples := render(c)
	data := 2 * len(samples)
	b := make([]byte, 0, wavHeaderLen+data)
	le := binary.LittleEndian
	b = append(b, "RIFF"...)
	b = le.AppendUint32(b, uint32(wavHeaderLen-8+data))
	b = append(b, "WAVE"...)
	b = append(b, "fmt "...)
	b = le.AppendUint32(b, 16)           // fmt chunk size
	b = le.AppendUint16(b, 1)            // PCM
	b = le.AppendUint16(b, 1)            // mono
	b = le.AppendUint32(b, SampleRate)   // sample rate
	b = le.AppendUint32(b, SampleRate*2) // byte rate
	b = le.AppendUint16(b, 2)            // block align
	b = le.AppendUint16(b, 16)           // bits per sample
	b = append(b, "data"...)
	b = le.AppendUint32(b, uint32(data))
	for _, s := range samples {
		b = le.AppendUint16(b, uint16(s))
	}
	return b
}

// render synthesises the cue's notes back to back. Note boundaries are
// placed from the running total of durations, so rounding to whole
// samples never accumulates and the file is exactly as long as Duration.
func render(c Cue) []int16 {
	notes := melodies[c]
	total := samplesAt(c.Duration())
	out := make([]int16, total)
	gain := c.gain() * math.MaxInt16
	var at time.Duration
	for _, n := range notes {
		start, end := samplesAt(at), samplesAt(at+n.Len)
		at += n.Len
		if n.Hz == 0 {
			continue // silence: already zero
		}
		tone(out[start:end], n.Hz, gain)
	}
	return out
}

// tone fills buf with a sine wave of the given frequency and peak,
// shaped by a raised-cosine fade at each end.
func tone(buf []int16, hz, peak float64) {
	ramp := min(samplesAt(fade), len(buf)/2)
	for i := range buf {
		env := 1.0
		if d := min(i, len(buf)-1-i); d < ramp {
			env = 0.5 - 0.5*math.Cos(math.Pi*float64(d)/float64(ramp))
		}
		phase := 2 * math.Pi * hz * float64(i) / SampleRate
		buf[i] = int16(math.Round(peak * env * math.Sin(phase)))
	}
}

func samplesAt(d time.Duration) int {
	return int(math.Round(d.Seconds() * SampleRate))
}
