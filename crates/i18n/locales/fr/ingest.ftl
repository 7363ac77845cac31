# Cadre — what the reader found and warned about at import (French).
# Keep in step with ../en/ingest.ftl. Arguments are stored with each warning.

warning-body-inferred-gtm = le document ne nomme pas son instance : GTM { $region } déduit de { $clues } et de { $n } mentions de { $region }
warning-body-assumed-gtm-niamey = rien dans le document ne nomme l’instance réunie : GTM Niamey (le GTM national) supposé ; corrigez l’instance si ce n’est pas lui
warning-body-new-from-title = le titre nomme une instance que Cadre ne connaît pas : « { $name } » créée ; vérifiez qu’il ne s’agit pas d’une instance existante
warning-body-inferred-crcm = le rapport ne nomme pas sa région dans son titre : CRCM { $region } déduit de { $n } mentions dans le texte
warning-body-assumed-crcm-niamey = le rapport ne nomme aucune région : CRCM Niamey supposé ; corrigez l’instance si ce n’est pas lui
warning-label-without-value = l’étiquette « { $label } » n’a pas de valeur
warning-date-unreadable = la valeur de « Date » n’est pas une date lisible ; la première date du texte a été retenue
warning-date-no-label = pas d’étiquette « Date » : la première date écrite dans le document a été retenue
warning-time-unreadable = l’heure n’est pas écrite sous une forme lisible
warning-time-no-label = pas d’étiquette « Heure » : l’heure de la réunion est inconnue
warning-place-no-label = pas d’étiquette « Lieu » : le lieu est inconnu
warning-attendance-none = aucune liste de présence (« Présence ») trouvée
warning-attendance-functions = { $n } entrée(s) de la liste de présence désignent la fonction d’une personne, non une organisation : gardée(s) parmi les personnes présentes par leur fonction, non comptée(s) parmi les organisations présentes
warning-actions-outside-agenda = un tableau de points d’action se trouve hors de tout point de l’ordre du jour
warning-agenda-none = aucun ordre du jour trouvé (« Points inscrits à l’ordre du jour »)
warning-title-none = le document n’a pas de titre : nommé « { $title } »
warning-next-meeting-no-date = les prochaines étapes ne donnent pas de date pour la prochaine réunion
warning-unplaced-text = texte que l’import n’a pas pu placer ({ $place ->
        [header] dans l’en-tête
        [before-sections] entre l’ordre du jour et la première section
        [after-table] dans la section « { $section } », après son tableau d’actions
        [odd-row] une ligne du tableau d’actions de la section « { $section } » qui ne dit rien à faire
        [odd-row-outside] une ligne de tableau d’actions hors de toute section qui ne dit rien à faire
        [second-label] l’étiquette « { $label } » donnée une seconde fois
        [discussion-label] une étiquette « Points de discussion clés » hors de toute section
       *[outside-sections] hors de toute section
    }) ; conservé ici
warning-agenda-from-sections = pas de liste « Points inscrits à l’ordre du jour » : les sections ont été prises comme ordre du jour
warning-section-attached-by-position = la section « { $section } » ne partage ses mots avec aucun point de l’ordre du jour : rattachée à « { $item } » par sa position
warning-section-added-to-agenda = la section « { $section } » n’est pas dans l’ordre du jour : ajoutée comme point
warning-report-no-place = le rapport ne dit pas où la réunion s’est tenue
warning-report-cover-text = texte de la page de garde (en-tête, statut du document) qui ne correspond à aucun champ ; conservé ici
warning-report-no-cover-date = la page de garde ne donne pas de date : la première date du texte a été retenue
warning-report-no-time = le rapport ne dit pas quand la réunion a commencé
warning-report-no-agenda = le rapport ne donne pas d’ordre du jour
warning-report-no-attendance = aucune liste de présence trouvée
warning-report-no-recommendations = aucun tableau de recommandations trouvé (« Recommandation <année> »)
warning-report-title-none = le rapport n’a pas de titre : nommé « { $title } »
warning-report-unknown-group = groupe thématique inconnu : conservé tel qu’écrit
warning-report-row-without-text = une ligne de la feuille de route { $roadmap } n’a pas de texte de recommandation
warning-report-cells-beyond-columns = la recommandation { $position } de la feuille de route { $roadmap } a des cellules au-delà des colonnes du tableau
warning-report-row-without-institution = une ligne de la liste de présence ne nomme aucune institution
warning-report-cells-unknown-column = des cellules de la liste de présence ne sont dans aucune colonne connue
warning-attendance-row-contacts-only = une ligne de la liste de présence ne nomme aucune institution (ses coordonnées sont restées privées, la ligne a été écartée)

## Findings: what the reader found, field by field

finding-not-found = non trouvé
finding-as-read = { $text }
finding-quoted = « { $text } »
finding-date = { $the_date }
finding-time-range = { $start_time }–{ $end_time }
finding-time-start = { $start_time }
finding-modality = { $modality ->
    [virtual] virtuelle
   *[other] en présentiel
}
finding-attendance = { $n ->
    [0] aucun participant
    [one] 1 participant
   *[other] { $n } participants
}{ $people ->
    [0] {""}
   *[other] { " " }dont { $people } nommément
}{ $n ->
    [0] {""}
   *[other] { "\u00A0: " }{ $names }
}
finding-agenda = { $n ->
    [one] 1 point
   *[other] { $n } points
} : { $titles }
finding-action-points = { $n ->
    [0] aucun point d’action
    [one] 1 point d’action ({ $dated } avec une échéance datée, { $unassigned } sans responsable)
   *[other] { $n } points d’action ({ $dated } avec une échéance datée, { $unassigned } sans responsable)
}
finding-next-meeting-dated = { $the_date } (« { $text } »)
finding-recommendations = { $n ->
    [one] 1 recommandation
   *[other] { $n } recommandations
} (feuilles de route { $roadmaps })

warning-report-opening = l’ouverture du rapport ne présente aucun point de l’ordre du jour ; conservée ici
warning-report-annex-heading = l’en-tête de l’annexe ne présente aucun point de l’ordre du jour ; conservé ici
warning-report-part = la partie « { $part } » ne présente aucun point de l’ordre du jour ; conservée ici
report-section-opening = Ouverture
report-section-annex = Annexe

## How a file was read

warning-decoded-utf16 = décodé en { $encoding }
warning-decoded-utf16-no-bom = décodé en { $encoding } (le fichier n’a pas d’indicateur d’ordre des octets)
warning-decoded-windows-1252 = décodé en Windows-1252 (le fichier n’est pas en UTF-8)
warning-accents-repaired = accents réparés : le texte avait été lu en Windows-1252 alors qu’il était en UTF-8, puis enregistré de nouveau (« rÃ©union » pour « réunion »)
warning-read-from-word = lu depuis Word : { $paragraphs ->
    [one] { $paragraphs } paragraphe
   *[other] { $paragraphs } paragraphes
}, { $tables ->
    [one] { $tables } tableau
   *[other] { $tables } tableaux
}
warning-tracked-changes = modifications suivies : texte supprimé écarté, texte inséré conservé (le texte dans sa dernière version)
warning-read-from-pdf = lu depuis un PDF : { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}
warning-pdf-encrypted = le PDF est chiffré sans mot de passe d’ouverture
warning-pdf-claims-pages = le PDF annonce { $claimed } pages, plus qu’il ne peut en contenir ; { $possible } au plus ont été cherchées
warning-pdf-reading-stopped = lecture arrêtée à la page { $page } : les { $failing } pages précédentes étaient illisibles
warning-pdf-pages-unreadable = le texte de { $n } page(s) est illisible et manque (page { $pages })
warning-pdf-rotated-left-out = { $n } caractère(s) écrits en biais (filigrane ou note en marge ?) ont été écartés
warning-spaces-restored = espaces rétablis sur { $n } ligne(s) où ils avaient été perdus
warning-page-furniture-removed = { $n } ligne(s) de mise en page retirée(s) (numéros de page, titre courant, liens de page web) ; conservée(s) ici
