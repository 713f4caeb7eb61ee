package vm

import "testing"

// TestClosestName checks the hint search against what CPython 3.11's
// traceback printer suggested for the same missing name and candidates
// (cases drawn from random near-misses run under python3).
func TestClosestName(t *testing.T) {
	cases := []struct {
		name  string
		cands []string
		want  string
	}{
		{"pritn", []string{"print", "repr", "int"}, "print"},
		{"apend", []string{"append", "extend"}, "append"},
		{"PI", []string{"e", "pi", "pow"}, "pi"},
		{"yx", []string{"xy"}, ""},
		{"a", []string{"b"}, ""},
		{"ab", []string{"Ab", "aB"}, "Ab"},
		{"bBEyCC", []string{"A1Eyx", "BeDz", "DEyDC"}, ""},
		{"__EcccAB", []string{"_EcccAB", "__ECccAB", "__aEEBcA", "_a_CcDB", "aeA", "d__CccyB"}, "__ECccAB"},
		{"bC1ACycc", []string{"EBbDEbCE", "bc1A1yDc", "bc1ACyDbD", "bc1ACyDc", "bcA1CyDc", "bcd1ACbyDc"}, "bc1ACyDc"},
		{"xDbdxEdDE", []string{"xDCABd1EdDE", "xDdCABdEdDeE", "zbycd"}, "xDCABd1EdDE"},
		{"czDD_zBC", []string{"caDzD_zc", "xEedAcBe"}, ""},
		{"EyCyaE", []string{"Bbca_Eab", "ECeA_", "cyCbeAE", "ycEyCeAE"}, ""},
		{"DeczeCcCDa", []string{"d_cCzeCcDa", "xbB"}, "d_cCzeCcDa"},
		{"EB", []string{"EBB1Cc", "eBc", "eE_"}, ""},
		{"_cbDAA_zzD1E", []string{"_BBAE_zzD1e", "_DCBDAA_zzD1E", "_cBDAA_zZD1d", "_cBDAAdzAzD1E", "_czDAA_zzD1E", "cb_Cby1a"}, "_czDAA_zzD1E"},
		{"ybAc", []string{"DeybCa", "DxybcA", "DybcA", "aDyzCa", "dBzbDy"}, ""},
		{"EExDcED1Be", []string{"Czyz", "EEDCEBD1ecbe", "EEXDDCEBe1BE", "EExDCEBD1Be", "EExDCEBDDBDe", "EExDcEBD1Be", "ExdDCEBD1Be"}, "EExDcEBD1Be"},
		{"D", []string{"A1", "C", "Ex", "Y", "a", "ebeyaCc"}, ""},
		{"bYyEEBbCD", []string{"byyEBbCd", "d1DBCzx"}, "byyEBbCd"},
		{"11_xcCdecDeX", []string{"_1xye"}, ""},
		{"cd1aayd", []string{"Bbxz", "C1aaY_d", "cA1aaD_1d", "cA1aa_C", "cA1aay_d", "cAaay_d"}, "cA1aay_d"},
		{"1yBDC", []string{"CyBBd1", "y"}, ""},
		{"AeCxaaACxeCxaaACxeCXaaACxeCCxaaAx", []string{"dDx", "eCxaaACxeCxaaAaCxeeCxaaAbxeCxaaACx"}, "eCxaaACxeCxaaAaCxeeCxaaAbxeCxaaACx"},
		{"BCxBABadca", []string{"CC1xBABAaca", "CC1xBAbadca", "d1BezzD_"}, "CC1xBAbadca"},
		{"Dd", []string{"EdBC", "dAd", "exxe_EBA"}, ""},
		{"cEEB", []string{"Ab_CDBe", "EB", "cCeBEb"}, ""},
		{"EDaBdA1bdE_1_", []string{"ABd", "EDaBDEAbdC_1B", "EDaBdAbdE_1B", "EDaBdbdE_1B"}, "EDaBdAbdE_1B"},
		{"B", []string{"BB", "C", "D1xCz1Dx", "b"}, "b"},
		{"1eCzb", []string{"x1ezbzd", "zaDCEx"}, ""},
		{"Ez1_AbcD1x", []string{"CeyDC", "bcD1A_aACacD1x", "cD1_aAbcD1x", "cD1_aDAbcd1zx", "cD_aAbcD1x", "cD_abAbcDB1x", "ce1_aAbcCbx"}, "cD1_aAbcD1x"},
	}
	for _, c := range cases {
		if got := closestName(c.name, c.cands); got != c.want {
			t.Errorf("closestName(%q, %q) = %q, want %q", c.name, c.cands, got, c.want)
		}
	}
	many := make([]string, suggestMaxCands)
	for i := range many {
		many[i] = "x" + itoaInt(i)
	}
	many[0] = "pritn2"
	if got := closestName("pritn", many); got != "" {
		t.Errorf("750 candidates are not searched, got %q", got)
	}
	if got := closestName("pritn", many[:suggestMaxCands-1]); got != "pritn2" {
		t.Errorf("749 candidates are searched, got %q", got)
	}
}
