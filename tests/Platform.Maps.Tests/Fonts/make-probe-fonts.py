"""Makes the probe fonts of PrintFontSelectionTests from Noto Sans CJK SC (SIL OFL 1.1, see OFL.txt):
subsets of its glyphs, renamed so that they are never mistaken for the real family.
Run from this folder: /usr/bin/python3 make-probe-fonts.py (needs python3-fonttools and fonts-noto-cjk)."""
from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK = "兴隆街道社区分布图例比例尺指北日期数据说明"  # CjkFont.Probe
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

def make(name, text, out):
    font = TTCollection(SOURCE).fonts[2]  # the SC face
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(text=text)
    sub.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(name, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(name.replace(" ", ""), record.nameID, record.platformID, record.platEncID, record.langID)
    font["CFF "].cff.fontNames = [name.replace(" ", "")]
    font.save(out)

make("Probe CJK Only", CJK, "probe-cjk-only.otf")
make("Probe Latin Only", LATIN, "probe-latin-only.otf")
make("Probe CJK Latin", CJK + LATIN, "probe-cjk-latin.otf")
