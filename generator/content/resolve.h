// Phase 2: links the references of a loaded Model (atasan, mendukung,
// penandatangan, lampiran, realisasi) and checks what only the whole tree
// can tell: cycles, unit heads, duplicates.
#ifndef SAKIP_RESOLVE_H_
#define SAKIP_RESOLVE_H_

#include <string>

#include "diagnostic.h"
#include "model.h"

namespace sakip {

void ResolveModel(Model* model, Diagnostics* diagnostics);

// Finds the jabatan a reference names, seen from `from` (the unit where the
// reference is written): `id`, `../id`, `../../id`, `/unit/path/id`.
// The part after `#` is ignored. Returns nullptr when nothing matches.
Jabatan* FindJabatanRef(const Model& model, const Unit& from,
                        const std::string& reference);

// The jabatan of `unit` in hierarchy order: the head, then each one's
// bawahan depth-first; jabatan outside the hierarchy come last.
std::vector<const Jabatan*> HierarchyOrder(const Unit& unit);

}  // namespace sakip

#endif  // SAKIP_RESOLVE_H_
