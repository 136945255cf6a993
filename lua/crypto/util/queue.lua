-- .crypto.util.queue: `Queue()`, a first-in first-out queue as aos's: push, pop (nil when empty),
-- size, getHead / getTail (how many were ever pushed / popped since the last reset), reset.
return function()
  local items, pushed, popped = {}, 0, 0
  local queue = {}

  function queue.push(value)
    items[pushed] = value
    pushed = pushed + 1
  end

  function queue.pop()
    if popped >= pushed then return nil end
    local value = items[popped]
    items[popped] = nil
    popped = popped + 1
    return value
  end

  function queue.size() return pushed - popped end
  function queue.getHead() return pushed end
  function queue.getTail() return popped end

  function queue.reset()
    items, pushed, popped = {}, 0, 0
  end

  return queue
end
