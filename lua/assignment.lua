-- .assignment: `init(ao)` gives `ao` its assignables, as aos's module of that name:
-- `addAssignable([name,] matchSpec)`, `removeAssignable(name | index)`, `isAssignment(msg)` (the
-- message was for another process) and `isAssignable(msg)` (a pattern admits it).
local utils = require(".utils")

local assignment = { _version = "0.1.0" }

function assignment.init(ao)
  ao.assignables = ao.assignables or {}

  local function indexOf(name)
    for i, assignable in ipairs(ao.assignables) do
      if assignable.name == name then return i end
    end
  end

  -- One argument: a MatchSpec, added without a name; two: its name (a string) first, which
  -- replaces the pattern of an assignable of that name.
  function ao.addAssignable(...)
    local name, spec
    if select("#", ...) == 1 then
      spec = ...
    else
      name, spec = ...
      assert(type(name) == "string", "MatchSpec name MUST be a string")
    end
    local index = name and indexOf(name)
    if index then
      ao.assignables[index].pattern = spec
    else
      table.insert(ao.assignables, { pattern = spec, name = name })
    end
  end

  function ao.removeAssignable(name)
    local index
    if type(name) == "string" then
      index = indexOf(name)
    else
      assert(type(name) == "number", "index MUST be a number")
      index = name
    end
    if index and index > 0 and index <= #ao.assignables then table.remove(ao.assignables, index) end
  end

  function ao.isAssignment(msg)
    return msg.Target ~= ao.id
  end

  function ao.isAssignable(msg)
    for _, assignable in ipairs(ao.assignables) do
      if utils.matchesSpec(msg, assignable.pattern) then return true end
    end
    return false
  end
end

return assignment
