"""The marks of a record no longer used or not to be used, as catalogues write them in their names (read by
sync.scorer_retired in targets' names, and by sync.scorer_readings as a state in brackets)."""

# as English, German, Swedish, Brazilian, Italian, Polish, Czech, Slovak, Danish, Norwegian, Turkish,
# French, Finnish, Romanian, Hungarian and Indonesian catalogues write them; those of one retired, in lower
# case, are what the quick tests look for (with Turkish capitals as they lower, sync.scorer_retired.TRACES);
# not Turkish "iptal", which is a cancellation too ("Kredi Kartı - İptal")
RETIRED_MARKS = ("retired", "decommissioned", "discontinued", "obsolete", "deprecated", "superseded")
RETIRED_MARKS += ("inactive", "archived", "end of life", "stillgelegt", "abgeschaltet", "außer betrieb")
RETIRED_MARKS += ("ausser betrieb", "avvecklad", "avvecklat", "desativado", "desativada", "dismesso")
RETIRED_MARKS += ("wycofana", "vyřazeno", "vyrazeno", "zrušeno", "zruseno", "udfaset", "nedlagt", "utfaset")
RETIRED_MARKS += ("kullanım dışı", "kullanim disi", "retiré", "retirée", "décommissionné")  # not "iptal"
RETIRED_MARKS += ("poistettu käytöstä", "käytöstä poistettu", "poistettu kaytosta", "kaytosta poistettu")
RETIRED_MARKS += ("dezafectat", "retras din uz", "scos din uz", "kivezetve", "megszüntetve", "megszuntetve")
RETIRED_MARKS += ("descontinuado", "descontinuada", "desativados", "desativadas", "tidak aktif", "nonaktif")
# and of a record not to be used, whatever its state
MARKS = "|".join(RETIRED_MARKS) + "|eol|do not use|dnu|duplicate|dupe|old record|old"
